using System.Text.RegularExpressions;

namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>Whisper output clean-up and the encoder window size for a segment.</summary>
internal static partial class WhisperText
{
    /// <summary>The full window: 30 s of audio as 1500 encoder positions (50 per second).</summary>
    public const int FullAudioContext = 1500;

    /// <summary>Removes non-speech markers ([BLANK_AUDIO], (music), [_TT_12]) and trims.</summary>
    public static string Clean(string? text) =>
        Whitespace().Replace(Markers().Replace(text ?? "", " "), " ").Trim();

    /// <summary>Encoder positions for <paramref name="samples"/> at 16 kHz plus a margin, in steps of 64, at most the full window.</summary>
    public static int AudioContextFor(int samples)
    {
        var positions = (samples / 320) + 64;
        return Math.Min(FullAudioContext, ((positions + 63) / 64) * 64);
    }

    [GeneratedRegex(@"\[[^\]]*\]|\([^)]*\)|<\|[^|]*\|>")]
    private static partial Regex Markers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
