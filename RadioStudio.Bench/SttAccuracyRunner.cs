using System.Diagnostics;
using System.Globalization;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.PocketSphinx;
using RadioStudio.Engine.Speech.Whisper;

namespace RadioStudio.Bench;

/// <summary>
/// <c>stt [--data ./data] [--sentences N] [--threads N]</c>: word accuracy and real-time factor of every offline
/// recogniser on phone-line speech the bench makes (<see cref="SttCorpus"/>): pocketsphinx, and Whisper with every
/// ggml model in the data folder's <c>models/</c>. Without a model it says so, measures pocketsphinx alone and exits 0.
/// </summary>
internal static class SttAccuracyRunner
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var data = Option(args, "--data") ?? "./data";
        var count = int.Parse(Option(args, "--sentences") ?? SttCorpus.Sentences.Length.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var threads = int.Parse(Option(args, "--threads") ?? Math.Clamp(Environment.ProcessorCount, 1, 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));

        var (voice, voices) = SttCorpus.Voices();
        var corpus = new List<(string Text, SpeechSegment Segment)>();
        foreach (var name in voices)
        {
            foreach (var sentence in SttCorpus.Sentences.Take(count))
            {
                corpus.Add((sentence, await SttCorpus.PhoneSegmentAsync(voice, name, sentence, cancel.Token)));
            }
        }

        var audio = corpus.Sum(c => c.Segment.Duration.TotalSeconds);
        output.WriteLine($"Speech: {corpus.Count} utterances ({audio:0.0} s) by {voice.Info.Model} voices {string.Join(", ", voices)}, through the phone path (8 kHz μ-law).");

        var models = WhisperModelLocator.FindAll(Path.GetFullPath(data));
        if (models.Count == 0)
        {
            output.WriteLine($"No Whisper model in {Path.Combine(Path.GetFullPath(data), WhisperModelLocator.ModelsFolder)}: put ggml-tiny.en.bin or ggml-base.en.bin there (docs/ai-callers.md) to measure Whisper; pocketsphinx only.");
        }

        output.WriteLine();
        output.WriteLine("| Provider | Model | Word accuracy | Real-time factor | Load |");
        output.WriteLine("|---|---|---:|---:|---:|");
        using (var sphinx = new PocketSphinxSpeechToText())
        {
            await MeasureAsync(sphinx, "pocketsphinx", "en-us (stock, 16 kHz)", TimeSpan.Zero, corpus, output, cancel.Token);
        }

        foreach (var path in models)
        {
            var load = Stopwatch.StartNew();
            using var model = WhisperModel.Load(path, maxConcurrency: 1);
            load.Stop();
            var whisper = new WhisperSpeechToText(model, null, new WhisperSettings("en", threads, FitAudioContext: true));
            await MeasureAsync(whisper, "whisper", $"{model.Name} ({model.Bytes / 1_000_000.0:0} MB, {threads} threads)", load.Elapsed, corpus, output, cancel.Token);
        }

        output.WriteLine();
        output.WriteLine("Real-time factor: processing time ÷ audio length (below 1 is faster than real time).");
        return 0;
    }

    private static async Task MeasureAsync(
        ISpeechToText recognizer, string provider, string model, TimeSpan load, List<(string Text, SpeechSegment Segment)> corpus, TextWriter output, CancellationToken cancellationToken)
    {
        var (errors, words, seconds) = (0, 0, 0.0);
        var watch = new Stopwatch();
        try
        {
            foreach (var (text, segment) in corpus)
            {
                watch.Start();
                var heard = "";
                await foreach (var update in recognizer.TranscribeStreamingAsync(segment, new SpeechToTextOptions("en"), cancellationToken))
                {
                    heard = update.Text;
                }

                watch.Stop();
                var reference = WordAccuracy.Words(text);
                errors += WordAccuracy.Errors(reference, WordAccuracy.Words(heard));
                words += reference.Length;
                seconds += segment.Duration.TotalSeconds;
            }

            var accuracy = Math.Max(0, 1 - ((double)errors / words));
            output.WriteLine($"| {provider} | {model} | {accuracy:P0} | {watch.Elapsed.TotalSeconds / seconds:0.000} | {load.TotalSeconds:0.00} s |");
        }
        catch (SpeechProviderException e)
        {
            output.WriteLine($"| {provider} | {model} | not available: {e.Message} | | |");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
