using System.Collections.Concurrent;
using System.Threading.Channels;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// One AI reply as it is being synthesised: TTS audio is appended sentence by sentence (any rate, resampled
/// to the studio rate here, off the audio thread) while the graph reads it on the audio thread, so the first
/// sentence is on air while later ones are still being generated. It counts what was actually read out, so
/// a barge-in can tell exactly which words the audience heard. Ends (a short read) only after
/// <see cref="Complete"/> once everything queued has played; until then a gap between sentences is silence.
/// </summary>
public sealed class SpeechPlayout : IAudioSource
{
    private readonly ConcurrentQueue<float[]> _chunks = new();
    private readonly List<(string Text, long EndSample)> _sentences = [];
    private readonly Lock _sentenceLock = new();
    private readonly Channel<string> _heard = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ReportWork _report;
    private long _nextBoundary = long.MaxValue;
    private int _reportQueued;
    private int _reported;
    private PolyphaseResampler? _resampler;
    private float[]? _current;
    private int _offset;
    private long _appended;
    private long _played;
    private volatile bool _completed;
    private int _firstRead;

    /// <summary>Creates an empty playout.</summary>
    public SpeechPlayout() => _report = new ReportWork(this);

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>
    /// Each sentence as soon as it has played to its end, in order (the co-host reads along); after
    /// <see cref="CloseReadAlong"/>, the part of a cut-off sentence that was heard, then the end.
    /// </summary>
    public ChannelReader<string> HeardSentences => _heard.Reader;

    /// <summary>Studio-rate samples the graph has read (what has gone to air).</summary>
    public long SamplesPlayed => Volatile.Read(ref _played);

    /// <summary>Studio-rate samples queued so far.</summary>
    public long SamplesAppended => Volatile.Read(ref _appended);

    /// <summary>Raised once, on the thread pool, when the first non-empty block goes to air.</summary>
    public event Action? FirstAudioOnAir;

    /// <summary>Queues synthesised audio of the sentence being spoken.</summary>
    public void Append(ReadOnlySpan<float> samples, int sampleRate)
    {
        if (_completed || samples.IsEmpty)
        {
            return;
        }

        float[] studio;
        if (sampleRate == AudioFormat.Studio.SampleRate)
        {
            studio = samples.ToArray();
        }
        else
        {
            if (_resampler is null || _resampler.InputRate != sampleRate)
            {
                _resampler = new PolyphaseResampler(sampleRate, AudioFormat.Studio.SampleRate);
            }

            var output = new float[_resampler.MaxOutputFor(samples.Length)];
            var produced = _resampler.Process(samples, output);
            studio = produced == output.Length ? output : output[..produced];
        }

        if (studio.Length > 0)
        {
            Interlocked.Add(ref _appended, studio.Length);
            _chunks.Enqueue(studio);
        }
    }

    /// <summary>Marks the end of a sentence: everything appended so far belongs to it.</summary>
    public void EndSentence(string text)
    {
        var end = SamplesAppended;
        lock (_sentenceLock)
        {
            _sentences.Add((text, end));
            if (_reported == _sentences.Count - 1)
            {
                Volatile.Write(ref _nextBoundary, end);
            }
        }

        _resampler?.Reset();
        if (SamplesPlayed >= end)
        {
            QueueReport();
        }
    }

    /// <summary>
    /// Ends <see cref="HeardSentences"/>: whatever of the unreported sentences went to air (a cut-off one marked
    /// with a dash) is written last, then the reader completes.
    /// </summary>
    public void CloseReadAlong()
    {
        lock (_sentenceLock)
        {
            // Sentences that played to their end before the report got to them still go in one by one.
            var played = SamplesPlayed;
            while (_reported < _sentences.Count && _sentences[_reported].EndSample <= played)
            {
                _heard.Writer.TryWrite(_sentences[_reported].Text);
                _reported++;
            }

            var start = _reported == 0 ? 0 : _sentences[_reported - 1].EndSample;
            var rest = HeardFrom(_reported, start, played);
            if (rest.Length > 0)
            {
                _heard.Writer.TryWrite(rest);
            }

            _reported = _sentences.Count;
            Volatile.Write(ref _nextBoundary, long.MaxValue);
            _heard.Writer.TryComplete();
        }
    }

    /// <summary>No more audio will come: the source ends once the queue has played.</summary>
    public void Complete() => _completed = true;

    /// <summary>
    /// The words that went to air: every sentence played to its end, and of a sentence cut off part-way the
    /// share of its words matching the share of its audio played, marked with a dash.
    /// </summary>
    public string HeardText()
    {
        lock (_sentenceLock)
        {
            return HeardFrom(0, 0, SamplesPlayed);
        }
    }

    private string HeardFrom(int first, long start, long played)
    {
        var heard = new List<string>();
        for (var i = first; i < _sentences.Count; i++)
        {
            var (text, end) = _sentences[i];
            if (played >= end)
            {
                heard.Add(text);
            }
            else
            {
                if (played > start && end > start)
                {
                    var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var share = (int)Math.Floor(words.Length * (double)(played - start) / (end - start));
                    if (share > 0)
                    {
                        heard.Add(string.Join(' ', words[..share]).TrimEnd(',', ';', ':', '.', '!', '?') + "—");
                    }
                }

                break;
            }

            start = end;
        }

        return string.Join(' ', heard);
    }

    private void QueueReport()
    {
        if (Interlocked.Exchange(ref _reportQueued, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_report, preferLocal: false);
        }
    }

    private void ReportPlayedSentences()
    {
        Volatile.Write(ref _reportQueued, 0);
        lock (_sentenceLock)
        {
            var played = SamplesPlayed;
            while (_reported < _sentences.Count && _sentences[_reported].EndSample <= played)
            {
                _heard.Writer.TryWrite(_sentences[_reported].Text);
                _reported++;
            }

            Volatile.Write(ref _nextBoundary, _reported < _sentences.Count ? _sentences[_reported].EndSample : long.MaxValue);
        }

        // The clock may have passed the next boundary while this ran.
        if (SamplesPlayed >= Volatile.Read(ref _nextBoundary))
        {
            QueueReport();
        }
    }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_current is null || _offset == _current.Length)
            {
                if (!_chunks.TryDequeue(out _current))
                {
                    break;
                }

                _offset = 0;
            }

            var take = Math.Min(buffer.Length - written, _current.Length - _offset);
            _current.AsSpan(_offset, take).CopyTo(buffer[written..]);
            _offset += take;
            written += take;
        }

        if (written > 0)
        {
            // A sentence just played to its end: report it off the clock thread (no allocation, no lock here).
            if (Interlocked.Add(ref _played, written) >= Volatile.Read(ref _nextBoundary))
            {
                QueueReport();
            }

            if (Interlocked.Exchange(ref _firstRead, 1) == 0 && FirstAudioOnAir is { } handler)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static h => h(), handler, preferLocal: false);
            }
        }

        if (written < buffer.Length)
        {
            buffer[written..].Clear();
            if (!_completed || !_chunks.IsEmpty)
            {
                return buffer.Length;
            }
        }

        return written == buffer.Length ? buffer.Length : written;
    }

    private sealed class ReportWork(SpeechPlayout playout) : IThreadPoolWorkItem
    {
        public void Execute() => playout.ReportPlayedSentences();
    }
}
