using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RadioStudio.Engine.Export;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;

namespace RadioStudio.Tests.Engine.Export;

/// <summary>Each export format parsed back by a reader written here from the format's spec, not from the writer.</summary>
public sealed partial class ExportFormatTests
{
    private static readonly DateTimeOffset OnAir = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

    private const string LongLine =
        "Well, the county roads have been a mess since October. The plough came by once, and only once. My neighbour Earl says it's the budget, " +
        "but I think somebody just forgot about us out here. Anyway, that's why I'm calling tonight.";

    [Fact]
    public void Vtt_EveryCueHasAVoice_TimesStrictlyInOrderAndNeverOverlapping()
    {
        var vtt = WebVttWriter.Write(Timeline());
        var lines = vtt.Split('\n');
        Assert.Equal("WEBVTT", lines[0]);

        var cues = new List<(double Start, double End, string Voice, string Text)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var timing = VttTiming().Match(lines[i]);
            if (!timing.Success)
            {
                continue;
            }

            var payload = VttVoice().Match(lines[i + 1]);
            Assert.True(payload.Success, $"cue without a <v> voice span: {lines[i + 1]}");
            cues.Add((Seconds(timing.Groups[1].Value), Seconds(timing.Groups[2].Value), payload.Groups[1].Value, payload.Groups[2].Value));
        }

        Assert.True(cues.Count >= 7, $"{cues.Count} cues");
        for (var i = 0; i < cues.Count; i++)
        {
            Assert.True(cues[i].End > cues[i].Start, $"cue {i} ends before it starts");
            Assert.True(i == 0 || cues[i].Start > cues[i - 1].Start, $"cue {i} does not start after cue {i - 1}");
            Assert.True(i == 0 || cues[i].Start >= cues[i - 1].End, $"cue {i} overlaps cue {i - 1}");
        }

        Assert.Equal(["Host", "Dave", "Marguerite"], cues.Select(c => c.Voice).Distinct());
        Assert.DoesNotContain(cues, c => c.Text.Contains("is on the air", StringComparison.Ordinal)); // studio notes are not speech
        Assert.Contains(cues, c => c.Text == "The plough came by once, and only once."); // split at sentence boundaries
        Assert.All(cues, c => Assert.True(c.Text.Length <= CueBuilder.MaxCueCharacters));
    }

    [Fact]
    public void Srt_NumberedFromOne_TimedInOrder_AtMostTwoLinesOf42_NameOnEachSpeakerChange()
    {
        var blocks = SrtWriter.Write(Timeline()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        double previousEnd = 0;
        string text = "";
        for (var i = 0; i < blocks.Length; i++)
        {
            var lines = blocks[i].Split('\n');
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), lines[0]);
            var timing = SrtTiming().Match(lines[1]);
            Assert.True(timing.Success, lines[1]);
            var (start, end) = (Seconds(timing.Groups[1].Value.Replace(',', '.')), Seconds(timing.Groups[2].Value.Replace(',', '.')));
            Assert.True(end > start && start >= previousEnd, $"cue {i + 1}: {lines[1]}");
            previousEnd = end;
            var textLines = lines.Skip(2).ToList();
            Assert.InRange(textLines.Count, 1, 2);
            Assert.All(textLines, l => Assert.True(l.Length <= 42, $"{l.Length} characters: {l}"));
            text += " " + string.Join(' ', textLines);
        }

        Assert.Contains("HOST: Good evening", text, StringComparison.Ordinal);
        Assert.Contains("DAVE: Well, the county roads", text, StringComparison.Ordinal);
        Assert.Contains("MARGUERITE:", text, StringComparison.Ordinal);
        Assert.Single(text.Split("DAVE:").Skip(1)); // his split utterance names him once
    }

    [Fact]
    public void TranscriptJson_HasThePodcastingFields()
    {
        using var json = JsonDocument.Parse(PodcastJsonWriter.Transcript(Timeline()));
        Assert.Equal("1.0.0", json.RootElement.GetProperty("version").GetString());
        var segments = json.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        double previous = -1;
        foreach (var segment in segments)
        {
            Assert.Equal(JsonValueKind.String, segment.GetProperty("speaker").ValueKind);
            Assert.Equal(JsonValueKind.String, segment.GetProperty("body").ValueKind);
            var start = segment.GetProperty("startTime").GetDouble();
            Assert.True(segment.GetProperty("endTime").GetDouble() > start);
            Assert.True(start > previous);
            previous = start;
        }
    }

    [Fact]
    public void ChaptersJson_OpeningAtZero_ThenOnePerCallAtItsStart_Ascending()
    {
        var timeline = Timeline();
        using var json = JsonDocument.Parse(PodcastJsonWriter.Chapters(timeline));
        Assert.Equal("1.2.0", json.RootElement.GetProperty("version").GetString());
        var chapters = json.RootElement.GetProperty("chapters").EnumerateArray()
            .Select(c => (Start: c.GetProperty("startTime").GetDouble(), Title: c.GetProperty("title").GetString()!)).ToList();

        Assert.Equal(0, chapters[0].Start);
        Assert.Equal(timeline.Calls.Select(c => c.StartOffset.TotalSeconds), chapters.Skip(1).Select(c => c.Start));
        Assert.Equal(chapters.Select(c => c.Start).Order(), chapters.Select(c => c.Start));
        Assert.Equal("Dave — Dave from the county says the roads have not been ploughed since October.", chapters[1].Title);
        Assert.Equal("Marguerite", chapters[2].Title); // her summary is still pending
    }

    [Fact]
    public void Text_LinesAndCallSeparators()
    {
        var lines = TranscriptTextWriter.Write(Timeline()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("--- Call 1: Dave (01:00–03:30) ---", lines);
        Assert.Contains("--- Call 2: Marguerite (04:00–05:10) ---", lines);
        Assert.Contains("[00:05] HOST: Good evening, night owls.", lines);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^(\[\d\d:\d\d\] [^:]+: .+|--- Call \d+: .+ \(\d\d:\d\d–\d\d:\d\d\) ---)$", l));
        Assert.True(Array.IndexOf(lines, "--- Call 1: Dave (01:00–03:30) ---") < Array.FindIndex(lines, l => l.Contains("DAVE:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Notes_TitleDateDurationAndEachCall()
    {
        var notes = ShowNotesWriter.Write(Timeline());
        Assert.StartsWith("# Night Owls\n", notes, StringComparison.Ordinal);
        Assert.Contains("- Duration: 06:00", notes, StringComparison.Ordinal);
        Assert.Contains("- **01:00–03:30 Dave** (caller): Dave from the county says", notes, StringComparison.Ordinal);
        Assert.Contains("- **04:00–05:10 Marguerite** (AI caller): (summary not written yet)", notes, StringComparison.Ordinal);
    }

    private static ShowTimeline Timeline()
    {
        var show = new ShowInfo("S1", "Night Owls", OnAir, OnAir.AddMinutes(6));
        TranscriptEntry[] entries =
        [
            new(1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), "Host", PartyKind.Host, "Good evening, night owls."),
            new(2, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), "Studio", PartyKind.System, "Dave is on the air."),
            new(3, TimeSpan.FromSeconds(62), TimeSpan.FromSeconds(64), "Host", PartyKind.Host, "Dave, you're on the air."),
            new(4, TimeSpan.FromSeconds(63), TimeSpan.FromSeconds(80), "Dave", PartyKind.Phone, LongLine), // starts before the host ended
            new(5, TimeSpan.FromSeconds(200), TimeSpan.FromSeconds(200), "Host", PartyKind.Host, "Thanks, Dave."),
            new(6, TimeSpan.FromSeconds(241), TimeSpan.FromSeconds(246), "Marguerite", PartyKind.Ai, "Hi! I heard Dave, and <honestly> our roads are fine."),
            new(7, TimeSpan.FromSeconds(247), TimeSpan.FromSeconds(247), "Host", PartyKind.Host, "Lucky you."),
        ];
        CallRecord[] calls =
        [
            Call("C1", PartyKind.Phone, "Dave", 60, 210, "Dave from the county says the roads have not been ploughed since October. He blames the budget."),
            Call("C2", PartyKind.Ai, "Marguerite", 240, 310, null),
        ];
        return new ShowTimeline(show, entries, calls);
    }

    private static CallRecord Call(string id, PartyKind kind, string name, int start, int end, string? summary) => new(
        id, "S1", kind, name, kind == PartyKind.Phone ? "+14155550100" : null, OnAir.AddSeconds(start), OnAir.AddSeconds(end),
        TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), "hung up", null, null, summary, summary is null ? null : SummarySource.Llm, null);

    private static double Seconds(string clock)
    {
        var parts = clock.Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60)
            + double.Parse(parts[2], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})$")]
    private static partial Regex VttTiming();

    [GeneratedRegex(@"^<v ([^>]+)>(.+)$")]
    private static partial Regex VttVoice();

    [GeneratedRegex(@"^(\d\d:\d\d:\d\d,\d{3}) --> (\d\d:\d\d:\d\d,\d{3})$")]
    private static partial Regex SrtTiming();
}
