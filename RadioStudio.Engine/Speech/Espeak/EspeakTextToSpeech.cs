using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace RadioStudio.Engine.Speech.Espeak;

/// <summary>
/// Offline speech with the espeak-ng command line: <c>espeak-ng -v &lt;voice&gt; -s &lt;wpm&gt; -p &lt;pitch&gt; -b 1 --stdin --stdout</c>,
/// started without a shell (the text goes in on stdin, so nothing in it is read as an option). The WAV espeak-ng
/// writes to stdout (22 050 Hz PCM16) is parsed as it streams. Each voice is an espeak-ng variant with its own
/// pitch and pace, so the AI callers sound clearly apart. Cancelling kills the process; a missing espeak-ng throws
/// <see cref="SpeechProviderException"/> saying so.
/// </summary>
public sealed class EspeakTextToSpeech : ITextToSpeech
{
    /// <summary>The executable used when none is given (found on PATH).</summary>
    public const string DefaultExecutable = "espeak-ng";

    private const int MaxErrorChars = 1000;

    private static readonly EspeakVoice[] BuiltInVoices =
    [
        new(new("en-us+m3", "Walter (offline)", VoiceGender.Male), "en-us+m3", 150, 35),
        new(new("en-us+m1", "Frank (offline)", VoiceGender.Male), "en-us+m1", 165, 50),
        new(new("en-us+m7", "Dale (offline)", VoiceGender.Male), "en-us+m7", 175, 60),
        new(new("en+m4", "Nigel (offline)", VoiceGender.Male), "en+m4", 155, 42),
        new(new("en-us+f1", "Linda (offline)", VoiceGender.Female), "en-us+f1", 160, 55),
        new(new("en-us+f2", "Carol (offline)", VoiceGender.Female), "en-us+f2", 175, 70),
        new(new("en-us+f4", "Joan (offline)", VoiceGender.Female), "en-us+f4", 150, 45),
        new(new("en+f3", "Margaret (offline)", VoiceGender.Female), "en+f3", 155, 62),
    ];

    private readonly string _executable;

    /// <summary>Creates the engine; <paramref name="executable"/> null finds espeak-ng on PATH.</summary>
    public EspeakTextToSpeech(string? executable = null)
    {
        _executable = executable ?? DefaultExecutable;
    }

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; } = new("offline", "espeak-ng", IsOffline: true);

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices { get; } = [.. BuiltInVoices.Select(v => v.Info)];

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(options);
        var voice = BuiltInVoices.FirstOrDefault(v => v.Info.Id == options.Voice) ?? BuiltInVoices[0];
        var wpm = (int)Math.Round(voice.WordsPerMinute * Math.Clamp(options.Speed, 0.5f, 2f));
        using var process = Start(voice.Variant, wpm, voice.Pitch);
        using var kill = cancellationToken.Register(() => Kill(process));
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await process.StandardInput.WriteAsync(text.ReplaceLineEndings(" ").AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();

            var stdout = process.StandardOutput.BaseStream;
            var sampleRate = await ReadHeaderAsync(stdout, stderr, cancellationToken).ConfigureAwait(false);
            await foreach (var chunk in SpeechAudioFormat.ReadPcm16Async(stdout, sampleRate, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new SpeechProviderException($"espeak-ng failed (exit code {process.ExitCode}): {Bounded(await stderr.ConfigureAwait(false))}");
            }
        }
        finally
        {
            Kill(process);
        }
    }

    private Process Start(string variant, int wordsPerMinute, int pitch)
    {
        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        string[] arguments =
        [
            "-v", variant,
            "-s", wordsPerMinute.ToString(CultureInfo.InvariantCulture),
            "-p", pitch.ToString(CultureInfo.InvariantCulture),
            "-b", "1", "--stdin", "--stdout",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new SpeechProviderException($"espeak-ng ('{_executable}') did not start.");
        }
        catch (Win32Exception e)
        {
            throw new SpeechProviderException(
                $"espeak-ng was not found or could not run ('{_executable}'): install it (apt install espeak-ng) for offline speech. {e.Message}", e);
        }
    }

    // espeak-ng writes RIFF/WAVE with "fmt " then "data" (sizes 0x7FFFFFFF while streaming); other chunks are skipped.
    private static async Task<int> ReadHeaderAsync(Stream stdout, Task<string> stderr, CancellationToken cancellationToken)
    {
        var header = new byte[12];
        try
        {
            await stdout.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            if (Encoding.ASCII.GetString(header, 0, 4) != "RIFF" || Encoding.ASCII.GetString(header, 8, 4) != "WAVE")
            {
                throw new SpeechProviderException("espeak-ng did not write a WAV header.");
            }

            var sampleRate = 0;
            var chunk = new byte[8];
            while (true)
            {
                await stdout.ReadExactlyAsync(chunk, cancellationToken).ConfigureAwait(false);
                var id = Encoding.ASCII.GetString(chunk, 0, 4);
                var size = BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(4));
                if (id == "data")
                {
                    return sampleRate > 0 ? sampleRate : throw new SpeechProviderException("espeak-ng wrote no fmt chunk.");
                }

                var body = new byte[Math.Clamp(size, 0, 4096)];
                await stdout.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
                if (id == "fmt ")
                {
                    if (BinaryPrimitives.ReadInt16LittleEndian(body.AsSpan(14)) != 16)
                    {
                        throw new SpeechProviderException("espeak-ng wrote a WAV that is not 16-bit PCM.");
                    }

                    sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4));
                }
            }
        }
        catch (EndOfStreamException)
        {
            throw new SpeechProviderException($"espeak-ng produced no audio: {Bounded(await stderr.ConfigureAwait(false))}");
        }
    }

    private static string Bounded(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > MaxErrorChars ? trimmed[..MaxErrorChars] : trimmed;
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
        catch (InvalidOperationException)
        {
            // Exited in between: nothing to kill.
        }
        catch (Win32Exception)
        {
            // Exiting while we asked: nothing to kill.
        }
    }

    private sealed record EspeakVoice(VoiceInfo Info, string Variant, int WordsPerMinute, int Pitch);
}
