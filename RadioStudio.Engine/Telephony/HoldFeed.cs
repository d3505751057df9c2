using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// Hold music as one loop of payload bytes in the stream codec, encoded once and shared by every holding
/// caller (each keeps its own position). From <c>Twilio:HoldMusicFile</c> (a WAV at any rate, resampled properly) or, without one
/// or when it cannot be read, the generated bed.
/// </summary>
public sealed partial class HoldFeed
{
    private readonly byte[] _loop;

    /// <summary>Loads or generates the loop.</summary>
    public HoldFeed(IOptions<TwilioOptions> options, ILogger<HoldFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var codec = options.Value.Codec;
        Codec = codec;
        var samples = Load(options.Value.HoldMusicFile, codec.SampleRate, logger) ?? HoldMusic.Generate(codec.SampleRate, TimeSpan.FromSeconds(16));
        _loop = new byte[samples.Length * codec.BytesPerSample];
        codec.Encode(samples, _loop);
    }

    /// <summary>The stream codec the loop is encoded in (every call's).</summary>
    public StreamCodec Codec { get; }

    /// <summary>Copies the next frame from <paramref name="position"/> (wrapping) and advances it.</summary>
    public void Read(ref int position, Span<byte> frame)
    {
        // Runs on the audio clock thread for every holding caller: whole-span copies, wrapping at most once.
        while (!frame.IsEmpty)
        {
            var chunk = Math.Min(frame.Length, _loop.Length - position);
            _loop.AsSpan(position, chunk).CopyTo(frame);
            frame = frame[chunk..];
            position = (position + chunk) % _loop.Length;
        }
    }

    private static float[]? Load(string? path, int sampleRate, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return AudioFile.ReadMono(path, sampleRate);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            Log.HoldMusicUnreadable(logger, path, error.Message);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Warning, "Hold music {Path} could not be read ({Reason}); callers hear the generated bed")]
        public static partial void HoldMusicUnreadable(ILogger logger, string path, string reason);
    }
}
