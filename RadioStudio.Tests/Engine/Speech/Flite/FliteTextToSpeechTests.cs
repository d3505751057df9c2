using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Flite;

namespace RadioStudio.Tests.Engine.Speech.Flite;

public sealed class FliteTextToSpeechTests
{
    [Fact]
    public async Task Synthesize_FemaleAndMaleVoices_GiveSpeechAtDifferentPitch()
    {
        Assert.True(FliteTextToSpeech.IsAvailable(), "flite is installed by eng/setup-machine.sh");
        var flite = new FliteTextToSpeech();
        var female = flite.Voices.First(v => v.Gender == VoiceGender.Female);
        var male = flite.Voices.First(v => v.Gender == VoiceGender.Male);

        var her = await SpeakAsync(flite, female.Id);
        var him = await SpeakAsync(flite, male.Id);

        Assert.True(her.Samples.Length > her.Rate / 2, "at least half a second of speech");
        Assert.True(DspRms(her.Samples) > 0.01);
        Assert.True(ZeroCrossings(her.Samples, her.Rate) > ZeroCrossings(him.Samples, him.Rate), "the female voice is higher");
        Assert.Equal(4, flite.Voices.Count(v => v.Gender == VoiceGender.Female));
        Assert.Equal(4, flite.Voices.Count(v => v.Gender == VoiceGender.Male));
    }

    [Fact]
    public async Task Synthesize_MissingExecutable_SaysToInstallFlite()
    {
        var flite = new FliteTextToSpeech("/nonexistent/flite");

        var error = await Assert.ThrowsAsync<SpeechProviderException>(() => SpeakAsync(flite, flite.Voices[0].Id));
        Assert.Contains("apt install flite", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(float[] Samples, int Rate)> SpeakAsync(FliteTextToSpeech flite, string voice)
    {
        var samples = new List<float>();
        var rate = 0;
        await foreach (var chunk in flite.SynthesizeStreamingAsync("Well, I saw something strange over the lake last night.", new TextToSpeechOptions(voice)))
        {
            samples.AddRange(chunk.Samples.ToArray());
            rate = chunk.SampleRate;
        }

        return ([.. samples], rate);
    }

    private static double DspRms(float[] x) => Math.Sqrt(x.Average(s => (double)s * s));

    private static double ZeroCrossings(float[] x, int rate)
    {
        var crossings = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (Math.Abs(x[i]) > 0.02 && Math.Sign(x[i]) != Math.Sign(x[i - 1]))
            {
                crossings++;
            }
        }

        return crossings / (x.Length / (double)rate);
    }
}
