using System.Text;
using System.Text.Json;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The two Podcasting 2.0 JSON files: <c>transcript.json</c> (<c>{"version":"1.0.0","segments":[{speaker,
/// startTime,endTime,body}]}</c>) and <c>chapters.json</c> (JSON chapters 1.2.0: an opening chapter at 0, then one
/// per call titled "Name — first sentence of its summary", ascending).
/// </summary>
public static class PodcastJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary><c>transcript.json</c>.</summary>
    public static string Transcript(ShowTimeline timeline) => Json(writer =>
    {
        writer.WriteString("version", "1.0.0");
        writer.WriteStartArray("segments");
        foreach (var cue in CueBuilder.Build(timeline))
        {
            writer.WriteStartObject();
            writer.WriteString("speaker", cue.Speaker);
            writer.WriteNumber("startTime", TimeText.Seconds(cue.Start));
            writer.WriteNumber("endTime", TimeText.Seconds(cue.End));
            writer.WriteString("body", cue.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary><c>chapters.json</c>.</summary>
    public static string Chapters(ShowTimeline timeline) => Json(writer =>
    {
        writer.WriteString("version", "1.2.0");
        writer.WriteStartArray("chapters");
        foreach (var (start, title) in ChapterList(timeline))
        {
            writer.WriteStartObject();
            writer.WriteNumber("startTime", TimeText.Seconds(start));
            writer.WriteString("title", title);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>The chapters: the show's opening at 0, then each call at its start.</summary>
    public static IReadOnlyList<(TimeSpan Start, string Title)> ChapterList(ShowTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        List<(TimeSpan, string)> chapters = [(TimeSpan.Zero, $"{timeline.Show.Title} — opening")];
        foreach (var call in timeline.Calls.OrderBy(c => c.StartOffset))
        {
            var first = FirstSentence(call.Summary);
            chapters.Add((call.StartOffset, first.Length == 0 ? call.Name : $"{call.Name} — {first}"));
        }

        return chapters;
    }

    private static string FirstSentence(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return "";
        }

        var sentences = Show.SentenceBoundaries.Split(summary.ReplaceLineEndings(" ").Trim());
        return sentences.Count == 0 ? summary.Trim() : sentences[0];
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
