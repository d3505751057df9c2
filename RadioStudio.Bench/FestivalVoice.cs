using System.Diagnostics;
using System.Runtime.CompilerServices;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Bench;

/// <summary>
/// Debian's festival voices (text2wave), for the intelligibility comparison only: the HTS female voice (slt) and
/// the diphone male voice (kal). The studio does not use them: flite's voices are as clear and start faster.
/// </summary>
internal sealed class FestivalVoice : ITextToSpeech
{
    public SpeechProviderInfo Info { get; } = new("offline", "festival", IsOffline: true);

    public IReadOnlyList<VoiceInfo> Voices { get; } =
    [
        new("cmu_us_slt_arctic_hts", "slt (HTS)", VoiceGender.Female),
        new("kal_diphone", "kal (diphone)", VoiceGender.Male),
    ];

    public static bool IsAvailable() => Engine.NativeEngines.NativeEngineProbe.Current.HasExecutable("text2wave");

    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("text2wave")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-eval", $"(voice_{options.Voice})", "-o", "/dev/stdout" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new SpeechProviderException("text2wave did not start.");
        await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        using var wav = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(wav, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        wav.Position = 0;
        var audio = WavReader.Read(wav);
        yield return new SpeechAudioChunk(audio.Samples, audio.SampleRate);
    }
}
