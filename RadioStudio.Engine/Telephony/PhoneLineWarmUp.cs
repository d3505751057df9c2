using System.Diagnostics;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// Runs a throwaway phone line's whole audio path (decode → jitter buffer → 8k→48k, mix-minus, 48k→8k → encode, and
/// the hold feed) a few hundred times before the first caller, off the audio clock. Without it the first callers'
/// blocks run the path's first-call JIT and unoptimised (Tier-0) code on the real-time thread while they connect;
/// with it the runtime has already compiled the path and queued it for full optimisation.
/// </summary>
public static class PhoneLineWarmUp
{
    /// <summary>Blocks run by default: well past the runtime's 30-call threshold for recompiling a method optimised.</summary>
    public const int DefaultBlocks = 300;

    /// <summary>Runs the path for <paramref name="blocks"/> blocks of a 440 Hz tone and says what came through.</summary>
    public static PhoneLineWarmUpResult Run(StreamCodec codec, HoldFeed hold, int blocks = DefaultBlocks)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        var started = Stopwatch.GetTimestamp();
        var line = new PhoneLine("warm-up", "warm-up", "", "", simulated: true, DateTimeOffset.UnixEpoch, codec, hold, static (_, _) => { });
        var samples = AudioFormat.Studio.BlockSamples;
        var tone = new float[samples];
        var heard = new float[samples];
        var program = new float[samples];
        var payload = new byte[codec.FrameBytes];
        var peak = 0f;
        for (var block = 0; block < blocks; block++)
        {
            for (var i = 0; i < samples; i++)
            {
                tone[i] = 0.25f * MathF.Sin(2 * MathF.PI * 440 * ((block * samples) + i) / AudioFormat.Studio.SampleRate);
            }

            // The caller's side: the tone encoded as their phone would send it, arriving on the network thread.
            line.Outbound.Encode(tone, payload);
            line.OnMedia(block + 1, payload);

            // The clock's side: read the caller in, mix, send them program minus themselves, and the hold feed.
            line.ReadInbound(heard);
            BlockMath.Add(program, heard);
            BlockMath.Subtract(program, program, heard);
            BlockMath.Add(program, tone);
            line.SendReturn(program);
            line.SendHold();
            program.AsSpan().Clear();
            foreach (var sample in heard)
            {
                peak = MathF.Max(peak, MathF.Abs(sample));
            }
        }

        return new PhoneLineWarmUpResult(blocks, peak, Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>What a warm-up ran: blocks, the loudest sample that came back in through the jitter buffer, time taken.</summary>
public sealed record PhoneLineWarmUpResult(int Blocks, float InboundPeak, TimeSpan Elapsed);
