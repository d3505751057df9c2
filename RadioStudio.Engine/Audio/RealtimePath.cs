using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Audio;

/// <summary>
/// Compiles the code the audio clock runs before the clock's first block. A method's first call is compiled on the
/// thread that makes it, and the clock's first block touches some fifty methods (graph, nodes, stems, outputs,
/// meters, the phone lines' hand-offs): compiled there, that block took over 100 ms. Here the runtime compiles every
/// method of the real-time types once (its quick first tier; hot methods are recompiled optimised in the background
/// later, as always) and runs their static constructors, on the starting thread, while nothing is playing yet.
/// </summary>
public static class RealtimePath
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly string[] Namespaces =
    [
        "RadioStudio.Engine.Audio",
        "RadioStudio.Engine.Threading",
    ];

    /// <summary>Types outside the audio namespaces that the clock calls into every block.</summary>
    private static readonly Type[] AlsoOnTheClock =
    [
        typeof(Telephony.PhoneLine),
        typeof(Telephony.PhoneSystem),
        typeof(Telephony.HoldFeed),
        typeof(Telephony.StreamCodec),
        typeof(Telephony.Twilio.MediaStreamSession),
        typeof(Telephony.Twilio.MediaSendPump),
        typeof(Speech.Listening.VoiceListener),
    ];

    /// <summary>The types <see cref="Prepare()"/> compiles: the engine's audio and threading namespaces and the phone line hand-offs.</summary>
    public static IReadOnlyList<Type> Types { get; } =
        [.. typeof(RealtimePath).Assembly.GetTypes().Where(t => Namespaces.Any(n => t.Namespace == n || t.Namespace?.StartsWith(n + ".", StringComparison.Ordinal) == true)).Concat(AlsoOnTheClock).Distinct()];

    /// <summary>Compiles every concrete, non-generic method of <see cref="Types"/> and runs their static constructors.</summary>
    public static RealtimePathPrepared Prepare() => Prepare(Types);

    /// <summary>Compiles every concrete, non-generic method of <paramref name="types"/> (native calls: their marshalling stubs) and runs their static constructors.</summary>
    public static RealtimePathPrepared Prepare(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var started = Stopwatch.GetTimestamp();
        var typeCount = 0;
        var methods = 0;
        var failed = 0;
        foreach (var type in types)
        {
            if (type.ContainsGenericParameters || type.IsInterface)
            {
                continue;
            }

            typeCount++;
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (TypeInitializationException)
            {
                // The type's first real use reports it; preparing must not take the studio down.
                failed++;
            }

            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || method.IsStatic && method is ConstructorInfo)
                {
                    continue;
                }

                try
                {
                    if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0 && method is MethodInfo native)
                    {
                        // A native call's marshalling stub is generated on its first call (on the clock, the first
                        // block that posts a semaphore); prelinking binds the entry point and builds the stub here.
                        System.Runtime.InteropServices.Marshal.Prelink(native);
                    }
                    else if (method.GetMethodBody() is null)
                    {
                        continue;
                    }
                    else
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }

                    methods++;
                }
                catch (DllNotFoundException)
                {
                    // A library this machine lacks (PortAudio without a device): nothing can call into it here either.
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException or NotSupportedException or TypeLoadException or BadImageFormatException or EntryPointNotFoundException)
                {
                    failed++;
                }
            }
        }

        return new RealtimePathPrepared(typeCount, methods, failed, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Runs a throwaway graph of <paramref name="phoneSlots"/> phone channels — two callers in the stream codec of
    /// <paramref name="hold"/> (one on air sending a tone, one holding), the AI voice, the effects cart ringing, an ad break, music crossfading in and fading out, a null output — for
    /// <paramref name="blocks"/> blocks on the calling thread. <see cref="Prepare()"/> cannot compile what is only
    /// called through an interface (every node's <c>Read</c>, the graph's <c>OnBlock</c>) or generic code instantiated
    /// on the way; running the path compiles all of it. Nothing is shared with the studio's own graph.
    /// </summary>
    /// <returns>What ran: blocks, the blocks the output took, the on-air caller's and the program's peak levels, time taken.</returns>
    public static RealtimeGraphWarmUp WarmGraph(int phoneSlots, HoldFeed hold, int blocks = 60)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var started = Stopwatch.GetTimestamp();
        var lines = new WarmUpLines(hold);
        var graph = new AudioGraph(lines, phoneSlots, maxOnAir: 2);
        var output = new NullOutput();
        graph.AddOutput(output);
        _ = graph.AiVoice.Play(new Tone(330));
        var cart = new Media.EffectsCart(Media.BuiltInSounds.All);
        _ = graph.Effects.Play(cart);
        cart.Fire(Media.BuiltInSounds.Ring);
        using var ads = new Media.AdBreak([new Tone(550)], TimeSpan.FromMilliseconds(100));
        _ = graph.Ads.Play(ads);
        graph.Music.CrossfadeTo(new Tone(220), TimeSpan.FromMilliseconds(200));
        for (var block = 0; block < blocks; block++)
        {
            if (block == blocks / 2)
            {
                graph.Music.FadeOut(TimeSpan.FromMilliseconds(200));
            }

            lines.Arrive(block);
            graph.OnBlock(block);
        }

        var caller = graph.MeterOf(new Routing.BusId(Routing.BusKind.Phone, 0)).PeakHoldDb;
        var program = graph.MeterOf(new Routing.BusId(Routing.BusKind.Program)).PeakHoldDb;
        return new RealtimeGraphWarmUp(blocks, output.BlocksWritten, caller, program, Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>What <see cref="RealtimePath.Prepare()"/> did: types and methods compiled, ones that could not be, time taken.</summary>
public sealed record RealtimePathPrepared(int Types, int Methods, int Failed, TimeSpan Elapsed);

/// <summary>
/// What <see cref="RealtimePath.WarmGraph"/> ran: blocks, blocks the output took, the peak hold (dBFS) of the on-air
/// caller's phone bus and of the program, time taken.
/// </summary>
public sealed record RealtimeGraphWarmUp(int Blocks, long OutputBlocks, float CallerPeakDb, float ProgramPeakDb, TimeSpan Elapsed);

/// <summary>Two real phone lines in the stream codec, connected for the graph's sake: one on air in slot 0, one holding.</summary>
internal sealed class WarmUpLines : IPhoneLineProvider
{
    private readonly Line[] _lines;
    private readonly StreamCodec _codec;
    private readonly float[] _tone;
    private readonly byte[] _frame;

    public WarmUpLines(HoldFeed hold)
    {
        _codec = hold.Codec;
        _tone = new float[_codec.FrameSamples];
        _frame = new byte[_codec.FrameBytes];
        _lines = [new Line(hold, slot: 0), new Line(hold, slot: -1)];
        AudioLines = [.. _lines];
    }

    public ImmutableArray<IPhoneLineAudio> AudioLines { get; }

    /// <summary>Frame <paramref name="block"/> of a 440 Hz tone at −12 dBFS arrives on every line (the network side).</summary>
    public void Arrive(long block)
    {
        for (var i = 0; i < _tone.Length; i++)
        {
            _tone[i] = 0.25f * MathF.Sin(2 * MathF.PI * 440 * ((block * _tone.Length) + i) / _codec.SampleRate);
        }

        _codec.Encode(_tone, _frame);
        foreach (var line in _lines)
        {
            line.Phone.OnMedia(block + 1, _frame);
        }
    }

    private sealed class Line(HoldFeed hold, int slot) : IPhoneLineAudio
    {
        public PhoneLine Phone { get; } = new("warm-up", "warm-up", "", "", simulated: true, DateTimeOffset.UnixEpoch, hold.Codec, hold, static (_, _) => { });

        public int Slot => slot;

        public bool Connected => true;

        public void ReadInbound(Span<float> block) => Phone.ReadInbound(block);

        public void SendReturn(ReadOnlySpan<float> block) => Phone.SendReturn(block);

        public void SendHold() => Phone.SendHold();
    }
}

/// <summary>A sine at the studio's format, endless.</summary>
internal sealed class Tone(double hertz) : IAudioSource
{
    private long _position;

    public AudioFormat Format => AudioFormat.Studio;

    public int Read(Span<float> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = 0.1f * (float)Math.Sin(2 * Math.PI * hertz * _position++ / AudioFormat.Studio.SampleRate);
        }

        return buffer.Length;
    }
}
