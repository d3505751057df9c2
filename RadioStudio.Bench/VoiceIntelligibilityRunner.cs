using System.Globalization;
using System.Text;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Espeak;
using RadioStudio.Engine.Speech.Flite;
using RadioStudio.Engine.Speech.PocketSphinx;

namespace RadioStudio.Bench;

/// <summary>
/// How well the offline voices can be understood (issue 15): each voice the board offers (flite's, then
/// espeak-ng's as the last fallback) speaks the same 20 sentences; the studio's offline recogniser (pocketsphinx,
/// clean audio resampled to its 16 kHz) writes down what it hears; the word accuracy is 1 − word error rate
/// (Levenshtein over words, case and punctuation ignored). A machine listener is a stand-in for a human one, a
/// strict one: the target is ≥ 85 % for the voices the board uses.
/// </summary>
internal static class VoiceIntelligibilityRunner
{
    private const double Target = 0.85;

    private static readonly string[] Sentences =
    [
        "I have been listening to your show for a long time.",
        "My neighbor keeps a goat on his front porch.",
        "The storm took the roof off the old barn last night.",
        "I think the council should fix the road before winter.",
        "My sister says I worry about everything.",
        "We drove all the way to the lake and back.",
        "Thank you for taking my call tonight.",
        "The diner on the corner makes the best pie in town.",
        "I found a box of old letters in the attic.",
        "He never told his wife about the money.",
        "Can you play a song for my mother?",
        "The dog barked at the mailman every single day.",
        "I work the night shift at the hospital.",
        "It rained so hard that the river came over the bridge.",
        "My brother borrowed my truck and never brought it back.",
        "I do not know what to say to my father.",
        "The garden was full of tomatoes this summer.",
        "We should talk about this before it is too late.",
        "She has been my best friend since high school.",
        "I want to go back to school and learn something new.",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Math.Clamp(BenchHelpers.Option(args, "--sentences", Sentences.Length), 1, Sentences.Length);
        var engines = new List<ITextToSpeech>();
        if (FliteTextToSpeech.IsAvailable())
        {
            engines.Add(new FliteTextToSpeech());
        }
        else
        {
            Console.Error.WriteLine("flite is not installed (apt install flite): its voices are not measured.");
        }

        engines.Add(new EspeakTextToSpeech());
        if (FestivalVoice.IsAvailable())
        {
            engines.Add(new FestivalVoice()); // for comparison: not a board voice
        }
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        if (only is not null)
        {
            engines.RemoveAll(e => e.Info.Model != only);
        }

        using var recognizer = new PocketSphinxSpeechToText();
        var rows = new List<(ITextToSpeech Engine, VoiceInfo Voice, double Accuracy, string Worst)>();
        foreach (var engine in engines)
        {
            foreach (var voice in engine.Voices)
            {
                var errors = 0;
                var words = 0;
                var worst = (Errors: -1, Heard: "");
                foreach (var sentence in Sentences.Take(count))
                {
                    var heard = await HearAsync(engine, recognizer, voice.Id, sentence);
                    var expected = Words(sentence);
                    var distance = Distance(expected, Words(heard));
                    errors += distance;
                    words += expected.Length;
                    if (distance > worst.Errors)
                    {
                        worst = (distance, heard);
                    }
                }

                var accuracy = Math.Max(0, 1 - ((double)errors / words));
                rows.Add((engine, voice, accuracy, worst.Heard));
                Console.Error.WriteLine(Invariant($"{engine.Info.Model} {voice.Id} ({voice.Name}): {accuracy:P0}; worst heard: \"{worst.Heard}\""));
            }
        }

        Console.WriteLine(Report(rows, count));
        var board = rows.Where(r => r.Engine is FliteTextToSpeech).ToList();
        var ok = board.Count > 0 && board.All(r => r.Accuracy >= Target);
        Console.WriteLine(board.Count == 0 ? "RESULT: no board (flite) voice measured" : ok ? "RESULT: every board voice met the target" : "RESULT: a board voice missed the target");
        return ok ? 0 : 1;
    }

    private static async Task<string> HearAsync(ITextToSpeech engine, PocketSphinxSpeechToText recognizer, string voice, string sentence)
    {
        var samples = new List<float>();
        var rate = 0;
        await foreach (var chunk in engine.SynthesizeStreamingAsync(sentence, new TextToSpeechOptions(voice)))
        {
            samples.AddRange(chunk.Samples.ToArray());
            rate = chunk.SampleRate;
        }

        var text = new StringBuilder();
        await foreach (var update in recognizer.TranscribeStreamingAsync(new SpeechSegment(samples.ToArray(), rate)))
        {
            if (update.IsFinal)
            {
                text.Append(update.Text);
            }
        }

        return text.ToString();
    }

    private static string Report(List<(ITextToSpeech Engine, VoiceInfo Voice, double Accuracy, string Worst)> rows, int sentences)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Offline voices: pocketsphinx word accuracy on {sentences} sentences ({rows.Count} voices; {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})."));
        text.AppendLine();
        text.AppendLine("| engine | voice id | board name | gender | word accuracy |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (engine, voice, accuracy, _) in rows)
        {
            text.AppendLine(Invariant($"| {engine.Info.Model} | {voice.Id} | {voice.Name} | {voice.Gender} | {accuracy:P0} |"));
        }

        foreach (var group in rows.GroupBy(r => r.Engine.Info.Model))
        {
            text.AppendLine(Invariant($"| **{group.Key}, all voices** | | | | **{group.Average(r => r.Accuracy):P0}** |"));
        }

        return text.ToString();
    }

    /// <summary>Lower-case words without punctuation ("don't" stays one word).</summary>
    internal static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Word-level Levenshtein distance (substitutions, insertions and deletions).</summary>
    internal static int Distance(string[] expected, string[] heard)
    {
        var previous = Enumerable.Range(0, heard.Length + 1).ToArray();
        for (var i = 1; i <= expected.Length; i++)
        {
            var current = new int[heard.Length + 1];
            current[0] = i;
            for (var j = 1; j <= heard.Length; j++)
            {
                var substitution = previous[j - 1] + (expected[i - 1] == heard[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[heard.Length];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
