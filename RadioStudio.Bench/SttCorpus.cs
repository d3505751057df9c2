using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Espeak;
using RadioStudio.Engine.Speech.Flite;

namespace RadioStudio.Bench;

/// <summary>
/// Speech the bench makes itself: call-in sentences spoken by the offline voices (flite, else espeak-ng) and sent
/// through the phone path a Twilio caller has — 8 kHz, μ-law encoded and decoded — so the recognisers hear what
/// they hear from a real phone line.
/// </summary>
internal static class SttCorpus
{
    public static readonly string[] Sentences =
    [
        "hello and thanks for taking my call tonight",
        "my name is margaret and I am calling from the north side",
        "I have been listening to your show for many years",
        "I wanted to talk about the storm we had last week",
        "the power was out on our street for two whole days",
        "my neighbour brought over a pot of soup for everyone",
        "what do you think about the new bridge they are building",
        "I think the city should fix the roads first",
        "can I say hello to my sister who is listening",
        "thank you very much and have a good night",
        "the weather was cold but the sky was clear",
        "we should all look after each other more often",
    ];

    /// <summary>The voices used: two flite voices when flite is installed, else two espeak-ng voices.</summary>
    public static (ITextToSpeech Engine, string[] Voices) Voices() =>
        FliteTextToSpeech.IsAvailable()
            ? (new FliteTextToSpeech(), ["flite-slt-1", "flite-rms-1"])
            : (new EspeakTextToSpeech(), ["en-us+f2", "en-us+m3"]);

    /// <summary>Speaks <paramref name="text"/> and returns it as a phone caller's segment (8 kHz, through μ-law).</summary>
    public static async Task<SpeechSegment> PhoneSegmentAsync(ITextToSpeech engine, string voice, string text, CancellationToken cancellationToken)
    {
        var samples = new List<float>();
        var rate = 0;
        await foreach (var chunk in engine.SynthesizeStreamingAsync(text, new TextToSpeechOptions(voice), cancellationToken))
        {
            rate = chunk.SampleRate;
            samples.AddRange(chunk.Samples.ToArray());
        }

        var phone = PolyphaseResampler.ResampleAll(samples.ToArray(), rate, 8_000);
        var mulaw = new byte[phone.Length];
        MuLaw.Encode(phone, mulaw);
        var heard = new float[mulaw.Length];
        MuLaw.Decode(mulaw, heard);
        return new SpeechSegment(heard, 8_000);
    }
}
