using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>
/// What test callers say: a few call-in lines spoken by espeak-ng in different voices, resampled to 8 kHz
/// (cached). Without espeak-ng the caller sends a short two-tone pattern instead, and says so in the log.
/// </summary>
public sealed partial class SimulatedCallerVoices(ILogger<SimulatedCallerVoices> logger)
{
    private static readonly string[] Lines =
    [
        "Hi, long time listener, first time caller. I work the night shift and this show keeps me sane.",
        "Hey there. I wanted to talk about my neighbour's rooster. It starts at three in the morning.",
        "Good evening. I've got a question about that caller from earlier, the one with the boat.",
        "Hello? Am I on? Okay. So, my sister just told me she's moving to Alaska, and I don't know how to feel.",
    ];

    private static readonly string[] Voices = ["en-us+m3", "en-us+f2", "en-gb+m1", "en-us+f4"];

    // What each test caller tells the AI screener, in its own (flite) voice: a name, then a topic.
    private static readonly (string Voice, string Name, string Topic)[] Screening =
    [
        ("flite-rms-1", "My name is Dave, calling from Tulsa.", "I want to talk about the county roads."),
        ("flite-slt-1", "This is Linda.", "I'd like to talk about my neighbour's rooster."),
        ("flite-awb-1", "It's Frank.", "I have a question about the caller with the boat."),
        ("flite-slt-2", "My name is Carol.", "My sister is moving to Alaska and I don't know how to feel."),
    ];

    private readonly ConcurrentDictionary<int, IReadOnlyList<float[]>> _answers = new();
    private readonly ConcurrentDictionary<int, float[]> _cache = new();
    private int _warned;

    /// <summary>Audio (8 kHz mono) for the n-th test caller.</summary>
    public async Task<float[]> NextAsync(int n, CancellationToken cancellationToken)
    {
        var key = n % Lines.Length;
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var audio = await SpeakAsync(Lines[key], Voices[key % Voices.Length], cancellationToken).ConfigureAwait(false) ?? TonePattern();
        _cache[key] = audio;
        return audio;
    }

    /// <summary>
    /// The n-th test caller's answers to the AI screener (8 kHz mono): its name, then its topic, spoken by the
    /// offline voice (flite, in that caller's voice; espeak-ng when flite is missing); null when neither can speak.
    /// </summary>
    public async Task<IReadOnlyList<float[]>?> ScreeningAnswersAsync(int n, CancellationToken cancellationToken)
    {
        var key = n % Screening.Length;
        if (_answers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var (voice, name, topic) = Screening[key];
        var spoken = new List<float[]>();
        foreach (var line in new[] { name, topic })
        {
            var audio = await SpeakFliteAsync(line, voice, cancellationToken).ConfigureAwait(false)
                ?? await SpeakAsync(line, Voices[key % Voices.Length], cancellationToken).ConfigureAwait(false);
            if (audio is null)
            {
                return null;
            }

            spoken.Add(audio);
        }

        _answers[key] = spoken;
        return spoken;
    }

    private static async Task<float[]?> SpeakFliteAsync(string text, string voice, CancellationToken cancellationToken)
    {
        if (!Speech.Flite.FliteTextToSpeech.IsAvailable())
        {
            return null;
        }

        var samples = new List<float>();
        var rate = 8000;
        await foreach (var chunk in new Speech.Flite.FliteTextToSpeech().SynthesizeStreamingAsync(text, new Speech.TextToSpeechOptions(voice), cancellationToken)
            .ConfigureAwait(false))
        {
            samples.AddRange(chunk.Samples.ToArray());
            rate = chunk.SampleRate;
        }

        return samples.Count == 0 ? null : Audio.Nodes.PolyphaseResampler.ResampleAll([.. samples], rate, 8000);
    }

    private async Task<float[]?> SpeakAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", voice, "-s", "155", "--stdout", text })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            using var wav = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(wav, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            wav.Position = 0;
            return AudioFile.ToMono(WavReader.Read(wav), 8000);
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidDataException or IOException)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                Log.NoVoice(logger, error.Message);
            }

            return null;
        }
    }

    /// <summary>Two seconds of a soft two-tone pattern, so a test call without TTS is still audible and measurable.</summary>
    private static float[] TonePattern()
    {
        var samples = new float[16000];
        for (var i = 0; i < samples.Length; i++)
        {
            var frequency = i / 2000 % 2 == 0 ? 440.0 : 660.0;
            samples[i] = (float)(0.25 * Math.Sin(2 * Math.PI * frequency * i / 8000));
        }

        return samples;
    }

    private static partial class Log
    {
        [LoggerMessage(420, LogLevel.Warning, "espeak-ng is not available ({Reason}): test callers send a tone pattern instead of speech")]
        public static partial void NoVoice(ILogger logger, string reason);
    }
}
