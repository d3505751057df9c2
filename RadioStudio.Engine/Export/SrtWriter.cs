using System.Text;

namespace RadioStudio.Engine.Export;

/// <summary>
/// <c>transcript.srt</c>: numbered cues of at most two lines of at most 42 characters, the speaker's name
/// where the speaker changes; long utterances become several cues sharing the utterance's time by length.
/// </summary>
public static class SrtWriter
{
    /// <summary>Characters per line.</summary>
    public const int LineLength = 42;

    /// <summary>The whole file.</summary>
    public static string Write(ShowTimeline timeline)
    {
        var text = new StringBuilder();
        var number = 0;
        string? lastSpeaker = null;
        foreach (var cue in CueBuilder.Build(timeline))
        {
            var words = (cue.Speaker != lastSpeaker ? $"{cue.Speaker.ReplaceLineEndings(" ").Trim().ToUpperInvariant()}: {cue.Text}" : cue.Text)
                .ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            lastSpeaker = cue.Speaker;
            var blocks = Blocks(words);
            var total = blocks.Sum(b => b.Length);
            var at = cue.Start;
            for (var i = 0; i < blocks.Count; i++)
            {
                var end = i == blocks.Count - 1 ? cue.End : at + TimeSpan.FromTicks((cue.End - cue.Start).Ticks * blocks[i].Length / Math.Max(1, total));
                text.Append(++number).Append('\n')
                    .Append(TimeText.Srt(at)).Append(" --> ").Append(TimeText.Srt(end)).Append('\n')
                    .Append(blocks[i]).Append("\n\n");
                at = end;
            }
        }

        return text.ToString();
    }

    /// <summary>Words wrapped into lines of at most <see cref="LineLength"/> characters, two lines a block.</summary>
    private static List<string> Blocks(string[] words)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var raw in words)
        {
            // A word longer than a line (a URL) is cut, so no line ever passes the limit.
            for (var word = raw; word.Length > 0;)
            {
                var piece = word.Length > LineLength ? word[..LineLength] : word;
                word = word[piece.Length..];
                if (line.Length > 0 && line.Length + 1 + piece.Length > LineLength)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(piece);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines.Chunk(2).Select(pair => string.Join('\n', pair)).ToList();
    }
}
