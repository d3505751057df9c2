using System.Collections.Immutable;
using System.Diagnostics;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// The studio mix, one 20 ms block per audio-clock tick. Sources (host mic, AI voice, every on-air caller,
/// music through a crossfader and a speech-keyed ducker, the effects cart, ads) are read once into their
/// buses of a <see cref="MixBlock"/>; the program is their sum; each on-air caller hears the program minus
/// their own line (one subtraction per caller, not a mix per caller), holding callers their hold feed; then
/// every output (device, stems, null) takes the block. Nothing here allocates, awaits, logs or locks:
/// sources and outputs are swapped in as immutable references and take effect at the next block.
/// </summary>
public sealed class AudioGraph : IAudioClockClient
{
    /// <summary>Speech above this RMS (−40 dBFS) on a voice bus ducks the music.</summary>
    public const float SpeechThreshold = 0.01f;

    /// <summary>Blocks the ducker stays down after speech stops (300 ms), so music doesn't pump between words.</summary>
    public const int SpeechHangBlocks = 15;

    private static readonly double BlockSeconds = AudioClock.BlockDuration.TotalSeconds;
    private readonly IPhoneLineProvider _lines;
    private readonly MixBlock _block;
    private readonly int _host;
    private readonly int _ai;
    private readonly int _firstPhone;
    private readonly int _phoneSlots;
    private readonly int _music;
    private readonly int _effects;
    private readonly int _ads;
    private readonly int _program;
    private readonly float[][] _onAir;
    private readonly IPhoneLineAudio?[] _onAirLines;
    private readonly float[] _discard = RealtimeMemory.Array<float>(AudioFormat.Studio.BlockSamples);
    private readonly long[] _marks = RealtimeMemory.Array<long>(6);
    private readonly float[] _return = RealtimeMemory.Array<float>(AudioFormat.Studio.BlockSamples);
    private readonly float[] _scaledMusic = RealtimeMemory.Array<float>(AudioFormat.Studio.BlockSamples);
    private readonly Meter[] _meters;
    private ImmutableArray<IMixOutput> _outputs = [];
    private int _speechHang;
    private volatile bool _musicToCallers = true;

    /// <summary>Creates the graph for up to <paramref name="maxOnAir"/> callers on air at once.</summary>
    public AudioGraph(IPhoneLineProvider lines, int phoneSlots = 6, int maxOnAir = 16)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(phoneSlots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOnAir, 1);
        _lines = lines;
        _block = MixBlock.Standard(phoneSlots);
        _phoneSlots = phoneSlots;
        _host = _block.IndexOf(new BusId(BusKind.HostMic));
        _ai = _block.IndexOf(new BusId(BusKind.AiVoice));
        _firstPhone = _block.IndexOf(new BusId(BusKind.Phone, 0));
        _music = _block.IndexOf(new BusId(BusKind.Music));
        _effects = _block.IndexOf(new BusId(BusKind.Effects));
        _ads = _block.IndexOf(new BusId(BusKind.Ads));
        _program = _block.IndexOf(new BusId(BusKind.Program));
        _onAir = new float[maxOnAir][];
        for (var i = 0; i < maxOnAir; i++)
        {
            _onAir[i] = RealtimeMemory.Array<float>(AudioFormat.Studio.BlockSamples);
        }

        _onAirLines = new IPhoneLineAudio?[maxOnAir];
        _meters = new Meter[_block.Buses.Length];
        for (var i = 0; i < _meters.Length; i++)
        {
            _meters[i] = new Meter();
        }

        for (var i = 0; i < _block.Buses.Length; i++)
        {
            _block.SetActive(i, _block.Buses[i].Kind != BusKind.Phone);
        }

        Music = new Crossfader(AudioFormat.Studio);
        MusicDucker = new Ducker(Music);
    }

    /// <summary>The host's microphone.</summary>
    public SourceSlot HostMic { get; } = new();

    /// <summary>The AI caller's voice.</summary>
    public SourceSlot AiVoice { get; } = new();

    /// <summary>Music: switch tracks with <see cref="Crossfader.CrossfadeTo"/>, stop with <see cref="Crossfader.FadeOut"/>.</summary>
    public Crossfader Music { get; }

    /// <summary>Dips the music under speech on any voice bus (switchable, depth and fades adjustable).</summary>
    public Ducker MusicDucker { get; }

    /// <summary>The sound-effects cart.</summary>
    public SourceSlot Effects { get; } = new();

    /// <summary>Ads and idents.</summary>
    public SourceSlot Ads { get; } = new();

    /// <summary>Whether on-air callers hear the music bed in their return (on by default).</summary>
    public bool MusicToCallers
    {
        get => _musicToCallers;
        set => _musicToCallers = value;
    }

    /// <summary>Keeps the program (and so every output, stem and caller return) at or below −1 dBTP.</summary>
    public TruePeakLimiter ProgramLimiter { get; } = new(maxBlock: AudioFormat.Studio.BlockSamples);

    /// <summary>The bus layout every output receives.</summary>
    public ImmutableArray<BusId> Buses => _block.Buses;

    /// <summary>Time spent per block.</summary>
    public AudioGraphStats Stats { get; } = new();

    /// <summary>The level of <paramref name="bus"/> at the last block (safe from any thread).</summary>
    public Meter MeterOf(BusId bus)
    {
        var index = _block.IndexOf(bus);
        return index >= 0 ? _meters[index] : throw new ArgumentOutOfRangeException(nameof(bus), bus, "No such bus in this graph.");
    }

    /// <summary>Adds an output; it receives blocks from the next one on.</summary>
    public void AddOutput(IMixOutput output) => ImmutableInterlocked.Update(ref _outputs, static (a, o) => a.Add(o), output);

    /// <summary>Removes an output; it may receive the block already under way.</summary>
    public void RemoveOutput(IMixOutput output) => ImmutableInterlocked.Update(ref _outputs, static (a, o) => a.Remove(o), output);

    /// <inheritdoc />
    public void OnBlock(long blockIndex)
    {
        var started = Stopwatch.GetTimestamp();
        var marks = _marks;
        marks[0] = started;
        var block = _block;
        block.Index = blockIndex;

        // 1. Voices first: the host, the AI, and every caller (holding callers are read too, so their
        //    jitter buffers stay drained and a caller taken to air starts fresh).
        HostMic.Read(block.Write(_host));
        AiVoice.Read(block.Write(_ai));
        for (var slot = 0; slot < _phoneSlots; slot++)
        {
            block.Write(_firstPhone + slot).Clear();
            block.SetActive(_firstPhone + slot, false);
        }

        var onAir = 0;
        foreach (var line in _lines.AudioLines)
        {
            if (!line.Connected)
            {
                continue;
            }

            var slot = line.Slot;
            if (slot < 0 || onAir == _onAir.Length)
            {
                line.ReadInbound(_discard);
                continue;
            }

            var own = _onAir[onAir];
            line.ReadInbound(own);
            _onAirLines[onAir++] = line;

            // A caller past the last phone channel shares it (folded), but still gets their own mix-minus.
            var bus = _firstPhone + Math.Min(slot, _phoneSlots - 1);
            BlockMath.Add(block.Write(bus), own);
            block.SetActive(bus, true);
        }

        marks[1] = Stopwatch.GetTimestamp();

        // 2. Speech on any voice bus ducks the music, then music, effects and ads are read.
        var speech = _meters[_host].Measure(block[_host], BlockSeconds) > SpeechThreshold;
        speech |= _meters[_ai].Measure(block[_ai], BlockSeconds) > SpeechThreshold;
        for (var slot = 0; slot < _phoneSlots; slot++)
        {
            speech |= _meters[_firstPhone + slot].Measure(block[_firstPhone + slot], BlockSeconds) > SpeechThreshold;
        }

        _speechHang = speech ? SpeechHangBlocks : Math.Max(0, _speechHang - 1);
        MusicDucker.SpeechActive = _speechHang > 0;
        ReadFully(MusicDucker, block.Write(_music));
        Effects.Read(block.Write(_effects));
        Ads.Read(block.Write(_ads));
        _meters[_music].Measure(block[_music], BlockSeconds);
        _meters[_effects].Measure(block[_effects], BlockSeconds);
        _meters[_ads].Measure(block[_ads], BlockSeconds);

        marks[2] = Stopwatch.GetTimestamp();

        // 3. The program: every source bus summed once.
        var program = block.Write(_program);
        block[_host].CopyTo(program);
        for (var bus = 0; bus < block.Buses.Length; bus++)
        {
            if (bus != _host && bus != _program)
            {
                BlockMath.Add(program, block[bus]);
            }
        }

        ProgramLimiter.Process(program);
        _meters[_program].Measure(program, BlockSeconds);

        marks[3] = Stopwatch.GetTimestamp();

        // 4. Each on-air caller: program minus their own line (and minus music if callers don't get it). The
        //    program went through the limiter, so what is taken out is scaled by the same per-sample gain
        //    (a no-op unless the limiter acted): nobody hears themselves even while it turns the mix down.
        var musicOut = block[_music];
        if (!_musicToCallers && ProgramLimiter.Limited)
        {
            musicOut.CopyTo(_scaledMusic);
            ProgramLimiter.ApplyLastGains(_scaledMusic);
            musicOut = _scaledMusic;
        }

        for (var i = 0; i < onAir; i++)
        {
            ProgramLimiter.ApplyLastGains(_onAir[i]);
            BlockMath.Subtract(_return, program, _onAir[i]);
            if (!_musicToCallers)
            {
                BlockMath.SubtractInPlace(_return, musicOut);
            }

            _onAirLines[i]!.SendReturn(_return);
            _onAirLines[i] = null;
        }

        foreach (var line in _lines.AudioLines)
        {
            if (line.Connected && line.Slot < 0)
            {
                line.SendHold();
            }
        }

        _lines.OnFramesQueued();

        marks[4] = Stopwatch.GetTimestamp();

        // 5. Outputs copy what they need and return.
        foreach (var output in _outputs)
        {
            try
            {
                output.Write(block);
            }
            catch (Exception)
            {
                // An output must report its own trouble as state; one that throws is counted and the show goes on.
                Stats.OutputFault();
            }
        }

        marks[5] = Stopwatch.GetTimestamp();
        Stats.Record(marks[5] - started);
        Stats.RecordPhases(marks);
    }

    private static void ReadFully(Ducker source, Span<float> buffer)
    {
        var read = source.Read(buffer);
        if (read < buffer.Length)
        {
            buffer[read..].Clear();
        }
    }
}
