using System.Collections.Concurrent;
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
    private PolyphaseResampler? _resampler;
    private float[]? _current;
    private int _offset;
    private long _appended;
    private long _played;
    private volatile bool _completed;
    private int _firstRead;

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Studio;

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
        lock (_sentenceLock)
        {
            _sentences.Add((text, SamplesAppended));
        }

        _resampler?.Reset();
    }

    /// <summary>No more audio will come: the source ends once the queue has played.</summary>
    public void Complete() => _completed = true;

    /// <summary>
    /// The words that went to air: every sentence played to its end, and of a sentence cut off part-way the
    /// share of its words matching the share of its audio played, marked with a dash.
    /// </summary>
    public string HeardText()
    {
        var played = SamplesPlayed;
        var heard = new List<string>();
        lock (_sentenceLock)
        {
            long start = 0;
            foreach (var (text, end) in _sentences)
            {
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
        }

        return string.Join(' ', heard);
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
            Interlocked.Add(ref _played, written);
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
}
