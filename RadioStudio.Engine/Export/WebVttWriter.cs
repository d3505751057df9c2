using System.Text;

namespace RadioStudio.Engine.Export;

/// <summary>
/// <c>transcript.vtt</c>: WebVTT with a <c>&lt;v Speaker&gt;</c> voice span on every cue (Apple Podcasts reads
/// speaker names only from these), cue times strictly in order and never overlapping.
/// </summary>
public static class WebVttWriter
{
    /// <summary>The whole file.</summary>
    public static string Write(ShowTimeline timeline)
    {
        var text = new StringBuilder("WEBVTT\n\n");
        var number = 0;
        foreach (var cue in CueBuilder.Build(timeline))
        {
            text.Append(++number).Append('\n')
                .Append(TimeText.Vtt(cue.Start)).Append(" --> ").Append(TimeText.Vtt(cue.End)).Append('\n')
                .Append("<v ").Append(VoiceName(cue.Speaker)).Append('>').Append(Escape(cue.Text)).Append("\n\n");
        }

        return text.ToString();
    }

    // A voice annotation ends at '>' and may not hold line breaks; the cue text escapes its markup characters.
    private static string VoiceName(string speaker) => Escape(speaker.ReplaceLineEndings(" ")).Replace("&gt;", "", StringComparison.Ordinal).Trim();

    private static string Escape(string value) =>
        value.ReplaceLineEndings(" ").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("-->", "--&gt;", StringComparison.Ordinal);
}
