using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Engine.Speech.Flite;

/// <summary>
/// Offline speech with Debian's flite (CMU): far easier to understand than espeak-ng (pocketsphinx recognised
/// 86–93 % of words against 21 %). Started without a shell (<c>flite -voice v --setf … -t text -o /dev/stdout</c>);
/// flite writes one whole WAV per sentence, read here as one chunk. The female voice is slt and the male ones
/// rms and awb, each at its own pitch and pace so the board's callers sound apart.
/// </summary>
public sealed class FliteTextToSpeech : ITextToSpeech
{
    /// <summary>The executable used when none is given (found on PATH).</summary>
    public const string DefaultExecutable = "flite";

    private static readonly FliteVoice[] BuiltInVoices =
    [
        new(new("flite-rms-1", "Walter (offline)", VoiceGender.Male), "rms", 100, 1.05),
        new(new("flite-awb-1", "Frank (offline)", VoiceGender.Male), "awb", 110, 1.0),
        new(new("flite-rms-2", "Dale (offline)", VoiceGender.Male), "rms", 122, 0.95),
        new(new("flite-awb-2", "Nigel (offline)", VoiceGender.Male), "awb", 95, 1.08),
        new(new("flite-slt-1", "Linda (offline)", VoiceGender.Female), "slt", 175, 1.0),
        new(new("flite-slt-2", "Carol (offline)", VoiceGender.Female), "slt", 205, 0.95),
        new(new("flite-slt-3", "Joan (offline)", VoiceGender.Female), "slt", 160, 1.08),
        new(new("flite-slt-4", "Margaret (offline)", VoiceGender.Female), "slt", 190, 1.04),
    ];

    private readonly string _executable;

    /// <summary>Creates the engine; <paramref name="executable"/> null finds flite on PATH.</summary>
    public FliteTextToSpeech(string? executable = null) => _executable = executable ?? DefaultExecutable;

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; } = new("offline", "flite", IsOffline: true);

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices { get; } = [.. BuiltInVoices.Select(v => v.Info)];

    /// <summary>Whether flite is installed (on PATH or at the given path).</summary>
    public static bool IsAvailable(string? executable = null)
    {
        var name = executable ?? DefaultExecutable;
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, name)));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(options);
        var voice = BuiltInVoices.FirstOrDefault(v => v.Info.Id == options.Voice)
            ?? (options.Voice?.Contains("+f", StringComparison.Ordinal) == true ? BuiltInVoices[4] : BuiltInVoices[0]);
        var stretch = voice.Stretch / Math.Clamp(options.Speed, 0.5f, 2f);
        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[]
        {
            "-voice", voice.Name,
            "--setf", "int_f0_target_mean=" + voice.Pitch.ToString(CultureInfo.InvariantCulture),
            "--setf", "duration_stretch=" + stretch.ToString("F2", CultureInfo.InvariantCulture),
            "-t", text.ReplaceLineEndings(" "),
            "-o", "/dev/stdout",
        })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new SpeechProviderException($"flite ('{_executable}') did not start.");
        }
        catch (Win32Exception e)
        {
            throw new SpeechProviderException($"flite was not found or could not run ('{_executable}'): install it (apt install flite). {e.Message}", e);
        }

        using (process)
        using (cancellationToken.Register(() => Kill(process)))
        {
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var wav = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(wav, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0 || wav.Length < 44)
            {
                throw new SpeechProviderException($"flite failed (exit code {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            wav.Position = 0;
            var audio = WavReader.Read(wav);
            yield return new SpeechAudioChunk(audio.Samples, audio.SampleRate);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Exited in between: nothing to kill.
        }
    }

    private sealed record FliteVoice(VoiceInfo Info, string Name, int Pitch, double Stretch);
}
