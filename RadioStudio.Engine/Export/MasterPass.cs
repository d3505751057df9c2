using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Pass two's plumbing: one ffmpeg decodes the program to raw float, the studio's <see cref="MasterGain"/> runs
/// over it, and the result is piped to every encoder at once (they run in parallel on their own processes).
/// </summary>
internal static class MasterPass
{
    /// <summary>The master's sample rate (the studio's).</summary>
    public const int SampleRate = 48_000;

    public static async Task RunAsync(
        ProgramInput input, MasterGain gain, IReadOnlyList<IReadOnlyList<string>> encoders, Action<double> progress, CancellationToken cancellationToken)
    {
        using var decoder = FfmpegProcess.Start(
            [.. input.Arguments, "-vn", "-ac", "1", "-ar", SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1"],
            input: false, output: true, cancellationToken);
        var sinks = encoders.Select(e => FfmpegProcess.Start(e, input: true, output: false, cancellationToken)).ToList();
        try
        {
            var total = Math.Max(1, (long)(input.Duration.TotalSeconds * SampleRate));
            var buffer = new byte[MasterGain.Block * 4 * 10];
            var filled = 0;
            var done = 0L;
            int read;
            while ((read = await decoder.Output.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
                var whole = filled - (filled % 4);
                if (filled < buffer.Length && whole < MasterGain.Block * 4)
                {
                    continue;
                }

                await WriteAsync(gain, buffer, whole, sinks, cancellationToken).ConfigureAwait(false);
                Buffer.BlockCopy(buffer, whole, buffer, 0, filled - whole);
                filled -= whole;
                done += whole / 4;
                progress(Math.Min(1, (double)done / total));
            }

            await WriteAsync(gain, buffer, filled - (filled % 4), sinks, cancellationToken).ConfigureAwait(false);
            await decoder.WaitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var sink in sinks)
            {
                sink.Input.Close();
            }

            await Task.WhenAll(sinks.Select(s => s.WaitAsync(cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var sink in sinks)
            {
                sink.Dispose();
            }
        }
    }

    private static async Task WriteAsync(MasterGain gain, byte[] buffer, int bytes, List<FfmpegProcess> sinks, CancellationToken cancellationToken)
    {
        if (bytes == 0)
        {
            return;
        }

        gain.Process(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, bytes)));
        await Task.WhenAll(sinks.Select(s => s.Input.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken).AsTask())).ConfigureAwait(false);
    }
}
