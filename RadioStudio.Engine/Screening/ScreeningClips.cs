using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// Each caller answer the screener heard, kept as a short WAV the screener and the host can play on the card
/// (what makes screening useful even when speech recognition cannot read a phone line):
/// <c>&lt;data&gt;/screening/&lt;lineId&gt;/&lt;n&gt;.wav</c>. Ids are checked before they touch the disk.
/// </summary>
public sealed class ScreeningClips(string folder)
{
    /// <summary>Saves an answer; returns its clip id (<c>&lt;lineId&gt;/&lt;n&gt;</c>).</summary>
    public string Save(string lineId, int answer, SpeechSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!SafeId(lineId))
        {
            throw new ArgumentException("Not a line id.", nameof(lineId));
        }

        var directory = Path.Combine(folder, lineId);
        Directory.CreateDirectory(directory);
        using (var writer = new WavWriter(Path.Combine(directory, $"{answer}.wav"), segment.SampleRate, 1, WavSampleFormat.Pcm16))
        {
            writer.Write(segment.Samples.Span);
        }

        return $"{lineId}/{answer}";
    }

    /// <summary>The clip's file, or null when there is none (or the id is not one of ours).</summary>
    public string? Find(string lineId, string answer)
    {
        if (!SafeId(lineId) || !int.TryParse(answer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var path = Path.Combine(folder, lineId, $"{n}.wav");
        return File.Exists(path) ? path : null;
    }

    private static bool SafeId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
