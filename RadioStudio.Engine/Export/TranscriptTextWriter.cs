using System.Text;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Export;

/// <summary><c>transcript.txt</c>: <c>[MM:SS] SPEAKER: text</c>, with a <c>--- Call N: Name (MM:SS–MM:SS) ---</c> line as each call begins.</summary>
public static class TranscriptTextWriter
{
    /// <summary>The whole file.</summary>
    public static string Write(ShowTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new StringBuilder();
        text.Append(timeline.Show.Title).Append(" — ").Append(timeline.Show.Started.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n').Append('\n');
        var calls = timeline.Calls.OrderBy(c => c.StartOffset).ToList();
        var next = 0;
        foreach (var entry in timeline.Entries)
        {
            while (next < calls.Count && calls[next].StartOffset <= entry.Start)
            {
                AppendCall(text, next, calls[next]);
                next++;
            }

            var speaker = entry.Kind == PartyKind.System ? "STUDIO" : entry.Speaker.ToUpperInvariant();
            text.Append('[').Append(TimeText.Minutes(entry.Start)).Append("] ").Append(speaker).Append(": ").Append(OneLine(entry.Text)).Append('\n');
        }

        for (; next < calls.Count; next++)
        {
            AppendCall(text, next, calls[next]);
        }

        return text.ToString();
    }

    private static void AppendCall(StringBuilder text, int index, Show.Memory.CallRecord call) =>
        text.Append('\n').Append("--- Call ").Append(index + 1).Append(": ").Append(OneLine(call.Name))
            .Append(" (").Append(TimeText.Minutes(call.StartOffset)).Append('–').Append(TimeText.Minutes(call.EndOffset)).Append(") ---\n");

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
