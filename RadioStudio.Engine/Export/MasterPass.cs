using System.Globalization;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Export;

/// <summary>
/// One pass of the master's gain: ffmpeg decodes the program to raw float, the studio's <see cref="MasterGain"/> runs
/// over it, and the result goes both to a raw file (what the encoders read afterwards) and to ffmpeg's ebur128 meter,
/// so the loudness after limiting is known when the pass ends.
/// </summary>
internal static class MasterPass
{
    /// <summary>The master's sample rate (the studio's).</summary>
    public const int SampleRate = 48_000;

    /// <summary>ffmpeg's arguments for reading the raw files this pass writes.</summary>
    public static IReadOnlyList<string> RawInput(string source) =>
        ["-f", "f32le", "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-ac", "1", "-i", source];

    /// <summary>Applies <paramref name="gain"/> to <paramref name="input"/> into <paramref name="raw"/>; returns the result's loudness.</summary>
    public static async Task<ProgramLoudness> ApplyAsync(
        ProgramInput input, MasterGain gain, string raw, Action<double> progress, CancellationToken cancellationToken)
    {
        using var decoder = FfmpegProcess.Start(
            [.. input.Arguments, "-vn", "-ac", "1", "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1"],
            input: false, output: true, cancellationToken);
        using var meter = FfmpegProcess.Start([.. RawInput("pipe:0"), "-af", "ebur128=framelog=verbose", "-f", "null", "-"], input: true, output: false, cancellationToken);
        await using var file = new FileStream(raw, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        var total = Math.Max(1, (long)(input.Duration.TotalSeconds * SampleRate));
        // Two buffers: the next one is read from the decoder while this one goes through the limiter, and written
        // to the file and the meter while the one after is processed.
        byte[][] buffers = [new byte[MasterGain.Block * 4 * 10], new byte[MasterGain.Block * 4 * 10]];
        var current = 0;
        var done = 0L;
        var reading = FillAsync(decoder.Output, buffers[current], cancellationToken);
        var writing = Task.CompletedTask;
        int filled;
        while ((filled = await reading.ConfigureAwait(false)) > 0)
        {
            await writing.ConfigureAwait(false);
            reading = FillAsync(decoder.Output, buffers[current ^ 1], cancellationToken);
            var whole = filled - (filled % 4);
            writing = WriteAsync(gain, buffers[current], whole, file, meter, cancellationToken);
            current ^= 1;
            done += whole / 4;
            progress(Math.Min(1, (double)done / total));
        }

        await writing.ConfigureAwait(false);
        await decoder.WaitAsync(cancellationToken).ConfigureAwait(false);
        meter.Input.Close();
        return ProgramLoudness.Parse(await meter.WaitAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>The limiter on this buffer (here, while the next is read), then the buffer to the file and the meter.</summary>
    private static Task WriteAsync(MasterGain gain, byte[] buffer, int bytes, FileStream file, FfmpegProcess meter, CancellationToken cancellationToken)
    {
        if (bytes == 0)
        {
            return Task.CompletedTask;
        }

        gain.Process(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, bytes)));
        return Task.WhenAll(
            file.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken).AsTask(),
            meter.Input.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken).AsTask());
    }
}
