using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Espeak;
using RadioStudio.Engine.Speech.PocketSphinx;
using static RadioStudio.Tests.Engine.Speech.SpeechDecoratorTests;

namespace RadioStudio.Tests.Engine.Speech;

/// <summary>The offline engines for real: these need espeak-ng, libpocketsphinx3 and pocketsphinx-en-us (CI installs them).</summary>
public sealed class OfflineSpeechTests
{
    private const string Sentence = "hello and welcome to the show what is your name and where are you calling from today";

    [Fact]
    public async Task EspeakSynthesize_Sentence_ProducesAudible22kHzSpeech()
    {
        var espeak = new EspeakTextToSpeech();

        var (samples, rate) = await SynthesizeAsync(espeak, "Hello, you're on the air.", "en-us+m3");

        Assert.Equal(22_050, rate);
        Assert.InRange(samples.Length / (double)rate, 0.8, 4.0);
        Assert.True(Rms(samples) > 0.02, $"RMS {Rms(samples):0.0000} is too quiet for speech");
    }

    [Fact]
    public async Task EspeakSynthesize_MaleAndFemaleVoices_DifferInPitch()
    {
        var espeak = new EspeakTextToSpeech();

        var (male, _) = await SynthesizeAsync(espeak, "Hello, you're on the air.", "en-us+m3");
        var (female, _) = await SynthesizeAsync(espeak, "Hello, you're on the air.", "en-us+f2");

        // Zero crossings per second of the voiced parts track pitch and formants: the female voice has clearly more.
        Assert.True(CrossingsPerSecond(female) > CrossingsPerSecond(male) * 1.15,
            $"female {CrossingsPerSecond(female):0} vs male {CrossingsPerSecond(male):0} crossings/s");
    }

    [Fact]
    public void EspeakVoices_Offered_IncludeSeveralOfEachGender()
    {
        var voices = new EspeakTextToSpeech().Voices;

        Assert.True(voices.Count(v => v.Gender == VoiceGender.Male) >= 3);
        Assert.True(voices.Count(v => v.Gender == VoiceGender.Female) >= 3);
        Assert.Equal(voices.Count, voices.Select(v => v.Id).Distinct().Count());
    }

    [Fact]
    public async Task EspeakSynthesize_MissingBinary_ThrowsClearError()
    {
        var espeak = new EspeakTextToSpeech("/nonexistent/espeak-ng");

        var error = await Assert.ThrowsAsync<SpeechProviderException>(() => Collect(espeak.SynthesizeStreamingAsync("Hi", new TextToSpeechOptions())));

        Assert.Contains("espeak-ng was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EspeakSynthesize_CancelledAfterFirstChunk_StopsWithCancellation()
    {
        var espeak = new EspeakTextToSpeech();
        using var cancellation = new CancellationTokenSource();
        var longText = string.Join(' ', Enumerable.Repeat(Sentence, 20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in espeak.SynthesizeStreamingAsync(longText, new TextToSpeechOptions(), cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task PocketSphinxTranscribe_EspeakSentenceAt22kHz_RecognisesKeyWords()
    {
        var (samples, rate) = await SynthesizeAsync(new EspeakTextToSpeech(), Sentence, "en-us+m3");
        using var recognizer = new PocketSphinxSpeechToText();

        var update = Assert.Single(await Collect(recognizer.TranscribeStreamingAsync(new SpeechSegment(samples, rate))));

        Assert.True(update.IsFinal);
        string[] keywords = ["welcome", "show", "where", "are", "you", "name"];
        var words = update.Text.Split(' ');
        var found = keywords.Count(k => words.Contains(k));
        Assert.True(found >= 3, $"only {found} of the key words in \"{update.Text}\"");
    }

    [Fact]
    public async Task PocketSphinxTranscribe_TwoSegments_ReusesTheDecoder()
    {
        var (samples, rate) = await SynthesizeAsync(new EspeakTextToSpeech(), "welcome to the show", "en-us+m3");
        using var recognizer = new PocketSphinxSpeechToText();
        var segment = new SpeechSegment(samples, rate);

        var results = await Task.WhenAll(
            Collect(recognizer.TranscribeStreamingAsync(segment)),
            Collect(recognizer.TranscribeStreamingAsync(segment)));

        Assert.Equal(results[0].Single().Text, results[1].Single().Text);
        Assert.Contains("show", results[0].Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PocketSphinxTranscribe_MissingModel_ThrowsClearError()
    {
        using var recognizer = new PocketSphinxSpeechToText("/nonexistent/model");

        var error = await Assert.ThrowsAsync<SpeechProviderException>(() =>
            Collect(recognizer.TranscribeStreamingAsync(new SpeechSegment(new float[16_000], 16_000))));

        Assert.Contains("pocketsphinx-en-us", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(float[] Samples, int Rate)> SynthesizeAsync(ITextToSpeech tts, string text, string voice)
    {
        var chunks = await Collect(tts.SynthesizeStreamingAsync(text, new TextToSpeechOptions(Voice: voice)));
        return ([.. chunks.SelectMany(c => c.Samples.ToArray())], chunks[0].SampleRate);
    }

    private static double Rms(float[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));

    private static double CrossingsPerSecond(float[] samples)
    {
        // Count only where the voice is loud, so pauses do not dilute the measure.
        var threshold = 0.02f;
        int crossings = 0, loud = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if (Math.Abs(samples[i]) < threshold && Math.Abs(samples[i - 1]) < threshold)
            {
                continue;
            }

            loud++;
            crossings += (samples[i] >= 0) != (samples[i - 1] >= 0) ? 1 : 0;
        }

        return crossings * 22_050.0 / Math.Max(loud, 1);
    }
}
