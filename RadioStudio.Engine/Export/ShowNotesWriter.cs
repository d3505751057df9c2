using System.Globalization;
using System.Text;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Export;

/// <summary><c>notes.md</c>: title, date, duration, then each call with its time, who, and its summary.</summary>
public static class ShowNotesWriter
{
    /// <summary>The whole file.</summary>
    public static string Write(ShowTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var notes = new StringBuilder();
        notes.Append("# ").Append(timeline.Show.Title).Append("\n\n");
        notes.Append("- Date: ").Append(timeline.Show.Started.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append('\n');
        notes.Append("- Duration: ").Append(TimeText.Minutes(timeline.Duration)).Append('\n');
        notes.Append("- Calls: ").Append(timeline.Calls.Count).Append("\n\n");
        notes.Append("## Calls\n\n");
        if (timeline.Calls.Count == 0)
        {
            notes.Append("No calls this show.\n");
        }

        foreach (var call in timeline.Calls.OrderBy(c => c.StartOffset))
        {
            var kind = call.Kind == PartyKind.Ai ? "AI caller" : "caller";
            var summary = call.SummaryPending ? "(summary not written yet)" : call.Summary!.ReplaceLineEndings(" ").Trim();
            notes.Append("- **").Append(TimeText.Minutes(call.StartOffset)).Append('–').Append(TimeText.Minutes(call.EndOffset))
                .Append(' ').Append(Markdown(call.Name)).Append("** (").Append(kind).Append("): ").Append(Markdown(summary)).Append('\n');
        }

        return notes.ToString();
    }

    // Names and summaries come from callers: keep them from opening markup.
    private static string Markdown(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
