using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Speech.Vad;
using RadioStudio.Engine.Threading;

namespace RadioStudio.Engine.Speech.Listening;

/// <summary>
/// Listens to the host's mic and every phone bus for speech. As an output of the graph it copies those buses
/// into rings on the audio thread and wakes its listening loop with a lock-free <see cref="AsyncSignal"/> (nothing
/// else there: an <c>AutoResetEvent</c> would take the runtime's process-wide wait lock on every block); the loop
/// (on the thread pool, one drain at a time) resamples them to 16 kHz and runs
/// voice-activity detection with end-of-turn endpointing, raising <see cref="SpeechStarted"/> (barge-in,
/// debounce) and <see cref="SpeechEnded"/> with the segment to transcribe — so only speech is ever sent to
/// STT. The host is heard while push-to-talk is held (the release ends the turn at once), or always with an
/// open mic.
/// </summary>
public sealed partial class VoiceListener : IMixOutput, IHostedService, IDisposable
{
    private const int RingSeconds = 4;
    private readonly AudioGraph _graph;
    private readonly ILogger<VoiceListener> _logger;
    private readonly Channel[] _channels;
    private readonly AsyncSignal _wake = new();
    private readonly EndpointerOptions _endpointing;
    private Task? _loop;
    private volatile bool _stopping;
    private volatile bool _pushToTalk;

    /// <summary>Creates a listener for the graph's host bus and phone buses.</summary>
    public VoiceListener(AudioGraph graph, ILogger<VoiceListener> logger, EndpointerOptions? endpointing = null)
    {
        _graph = graph;
        _logger = logger;
        _endpointing = endpointing ?? new EndpointerOptions();
        var buses = graph.Buses;
        var channels = new List<Channel> { new(buses.IndexOf(new BusId(BusKind.HostMic)), VoiceSource.Host, _endpointing) };
        for (var i = 0; i < buses.Length; i++)
        {
            if (buses[i].Kind == BusKind.Phone)
            {
                channels.Add(new Channel(i, VoiceSource.Phone(buses[i].Slot), _endpointing));
            }
        }

        _channels = [.. channels];
    }

    /// <summary>Speech confirmed on a source (raised on the listening thread: handlers must be quick).</summary>
    public event Action<VoiceSource>? SpeechStarted;

    /// <summary>
    /// A turn ended: the segment (16 kHz, pre-roll included) and the Stopwatch timestamp at which the speech
    /// itself ended (raised on the listening thread: hand the work off).
    /// </summary>
    public event Action<VoiceSource, SpeechSegment, long>? SpeechEnded;

    /// <inheritdoc />
    public string Name => "voice listener";

    /// <summary>
    /// The host holds push-to-talk; releasing it ends the host's turn at once (the listening thread is woken,
    /// not left to notice it with the next 20 ms block).
    /// </summary>
    public bool HostPushToTalk
    {
        get => _pushToTalk;
        set
        {
            _pushToTalk = value;
            if (!value && !_stopping)
            {
                _wake.Set();
            }
        }
    }

    /// <summary>Listen to the host all the time, not only during push-to-talk.</summary>
    public bool OpenMic { get; set; }

    /// <summary>Blocks handed over by the audio thread and dropped because the listening thread fell behind.</summary>
    public long Overruns { get; private set; }

    /// <inheritdoc />
    public void Write(MixBlock block)
    {
        foreach (var channel in _channels)
        {
            if (channel.Ring.Write(block[channel.Bus]) < MixBlock.Samples)
            {
                Overruns++;
            }
        }

        _wake.Set();
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _graph.AddOutput(this);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _graph.RemoveOutput(this);
        _stopping = true;
        _wake.Set();
        if (_loop is { } loop)
        {
            try
            {
                await loop.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is TimeoutException or OperationCanceledException)
            {
                // A drain stuck in a handler must not hold up the studio's shutdown.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release (the signal holds no handle); a listener disposed without a stop still ends its loop.
        _stopping = true;
        _wake.Set();
    }

    /// <summary>Processes whatever the rings hold (the listening thread's work; tests call it directly).</summary>
    internal void Drain()
    {
        foreach (var channel in _channels)
        {
            while (channel.Ring.Count >= MixBlock.Samples)
            {
                channel.Ring.Read(channel.Block);
                var produced = channel.Resampler.Process(channel.Block, channel.Frame);
                if (produced > 0)
                {
                    Listen(channel, channel.Frame.AsSpan(0, produced));
                }
            }
        }

        // Push-to-talk released since the last block: the host's turn ends now, with what was heard while held.
        var host = _channels[0];
        if (host.Held && !_pushToTalk && !OpenMic)
        {
            EndHeldTurn(host);
        }
    }

    private async Task RunAsync()
    {
        while (!_stopping)
        {
            await _wake.WaitAsync().ConfigureAwait(false);
            try
            {
                Drain();
            }
            catch (Exception error)
            {
                // One bad handler or frame must not deafen the studio.
                Log.ListenerFault(_logger, error);
            }
        }
    }

    private void Listen(Channel channel, ReadOnlySpan<float> frame)
    {
        var result = channel.Endpointer.Process(frame);
        if (!channel.Source.IsHost || OpenMic)
        {
            if (result == EndpointerEvent.SpeechStarted)
            {
                SpeechStarted?.Invoke(channel.Source);
            }
            else if (result == EndpointerEvent.SpeechEnded && channel.Endpointer.TakeSegment() is { } ended)
            {
                var trailing = channel.Endpointer.SamplesProcessed - ended.OffsetSample;
                var endedAt = Stopwatch.GetTimestamp() - (long)(trailing * (double)Stopwatch.Frequency / _endpointing.SampleRate);
                SpeechEnded?.Invoke(channel.Source, ended.Segment, endedAt);
            }

            return;
        }

        // Push-to-talk: the host's turn is exactly the held span (plus pre-roll); speech inside it barges in.
        var held = _pushToTalk;
        if (held)
        {
            if (!channel.Held)
            {
                channel.Held = true;
                channel.HeardSpeech = channel.Endpointer.IsSpeaking;
                channel.ResetTalk();
            }

            channel.AppendTalk(frame);
            if (result == EndpointerEvent.SpeechStarted || (channel.Endpointer.IsSpeaking && !channel.HeardSpeech))
            {
                channel.HeardSpeech = true;
                SpeechStarted?.Invoke(channel.Source);
            }
        }
        else if (channel.Held)
        {
            EndHeldTurn(channel);
        }
    }

    private void EndHeldTurn(Channel channel)
    {
        channel.Held = false;
        if (channel.HeardSpeech && channel.TalkLength > 0)
        {
            SpeechEnded?.Invoke(channel.Source, new SpeechSegment(channel.TalkCopy(), _endpointing.SampleRate), Stopwatch.GetTimestamp());
        }

        channel.ResetTalk();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "The voice listener hit an error and carries on")]
        public static partial void ListenerFault(ILogger logger, Exception error);
    }

    /// <summary>One listened bus: its ring from the audio thread, resampler, endpointer and push-to-talk buffer.</summary>
    private sealed class Channel(int bus, VoiceSource source, EndpointerOptions options)
    {
        private float[] _talk = new float[options.SampleRate * 4];
        private readonly int _maxTalk = options.SampleRate * 60;

        public int Bus { get; } = bus;

        public VoiceSource Source { get; } = source;

        public SampleRing Ring { get; } = new(AudioFormat.Studio.SampleRate * RingSeconds);

        public PolyphaseResampler Resampler { get; } = new(AudioFormat.Studio.SampleRate, options.SampleRate);

        public SpeechEndpointer Endpointer { get; } = new(options);

        public float[] Block { get; } = new float[MixBlock.Samples];

        public float[] Frame { get; } = new float[MixBlock.Samples];

        public bool Held { get; set; }

        public bool HeardSpeech { get; set; }

        public int TalkLength { get; private set; }

        public void AppendTalk(ReadOnlySpan<float> frame)
        {
            if (TalkLength + frame.Length > _maxTalk)
            {
                return;
            }

            if (TalkLength + frame.Length > _talk.Length)
            {
                Array.Resize(ref _talk, Math.Min(_maxTalk, _talk.Length * 2));
            }

            frame.CopyTo(_talk.AsSpan(TalkLength));
            TalkLength += frame.Length;
        }

        public float[] TalkCopy() => _talk.AsSpan(0, TalkLength).ToArray();

        public void ResetTalk() => TalkLength = 0;
    }
}
