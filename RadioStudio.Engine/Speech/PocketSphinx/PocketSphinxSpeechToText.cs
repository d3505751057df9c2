using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Speech.PocketSphinx;

/// <summary>
/// Offline transcription with pocketsphinx (Debian's libpocketsphinx3 and pocketsphinx-en-us model) through
/// P/Invoke. The stock model is 16 kHz only, so other rates are resampled first. The decoder is created on first
/// use (about 0.3 s) and reused; it is not thread-safe, so requests queue for it one at a time and decode on the
/// thread pool. Free-speech accuracy is modest (about half the words on synthetic voices): this is the fallback
/// when no cloud provider answers, not the main recogniser. A missing library or model throws
/// <see cref="SpeechProviderException"/> saying what to install. A caller that cancels stops waiting at once; a decode
/// already inside the native library (the model load cannot be interrupted) finishes on its own and is dropped.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2213", Justification = "_queue has no wait handle; a decode finishing after Dispose still releases it.")]
public sealed unsafe class PocketSphinxSpeechToText : ISpeechToText, IDisposable
{
    /// <summary>Debian's US English model directory.</summary>
    public const string DefaultModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    private const int ChunkSamples = 2048;

    private readonly string _modelDirectory;
    private readonly SemaphoreSlim _queue = new(1, 1);
    private readonly Lock _decoderLock = new();
    private IntPtr _decoder;
    private volatile bool _disposed;

    /// <summary>Creates the recogniser; nothing is loaded until the first segment.</summary>
    public PocketSphinxSpeechToText(string? modelDirectory = null)
    {
        _modelDirectory = modelDirectory ?? DefaultModelDirectory;
    }

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; } = new("offline", "pocketsphinx", IsOffline: true);

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var pcm = SpeechAudioFormat.ToPcm16(SpeechAudioFormat.To16k(segment));
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        string text;
        try
        {
            text = await Task.Run(() => Decode(pcm, cancellationToken), cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _queue.Release();
        }

        yield return new SpeechToTextUpdate(text, IsFinal: true);
    }

    /// <summary>Frees the decoder now, or — when a decode is in progress — as soon as that decode finishes (never waits for it).</summary>
    public void Dispose()
    {
        if (!_decoderLock.TryEnter())
        {
            _disposed = true;
            return;
        }

        try
        {
            _disposed = true;
            Free();
        }
        finally
        {
            _decoderLock.Exit();
        }
    }

    private void Free()
    {
        if (_decoder != IntPtr.Zero)
        {
            _ = PocketSphinxNative.ps_free(_decoder);
            _decoder = IntPtr.Zero;
        }
    }

    private string Decode(short[] pcm, CancellationToken cancellationToken)
    {
        lock (_decoderLock)
        {
            try
            {
                return DecodeLocked(pcm, cancellationToken);
            }
            finally
            {
                if (_disposed)
                {
                    // Disposed while this decode ran: it frees the decoder on its way out.
                    Free();
                }
            }
        }
    }

    private string DecodeLocked(short[] pcm, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var decoder = EnsureDecoder();
        if (PocketSphinxNative.ps_start_utt(decoder) < 0)
        {
            throw new SpeechProviderException("pocketsphinx could not start an utterance.");
        }

        fixed (short* samples = pcm)
        {
            for (var offset = 0; offset < pcm.Length && !cancellationToken.IsCancellationRequested; offset += ChunkSamples)
            {
                var count = Math.Min(ChunkSamples, pcm.Length - offset);
                if (PocketSphinxNative.ps_process_raw(decoder, samples + offset, (nuint)count, 0, 0) < 0)
                {
                    _ = PocketSphinxNative.ps_end_utt(decoder);
                    throw new SpeechProviderException("pocketsphinx failed to process audio.");
                }
            }
        }

        if (PocketSphinxNative.ps_end_utt(decoder) < 0)
        {
            throw new SpeechProviderException("pocketsphinx failed to end the utterance.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var hypothesis = PocketSphinxNative.ps_get_hyp(decoder, out _);
        return hypothesis == IntPtr.Zero ? "" : (Marshal.PtrToStringUTF8(hypothesis) ?? "").Trim();
    }

    private IntPtr EnsureDecoder()
    {
        if (_decoder != IntPtr.Zero)
        {
            return _decoder;
        }

        var model = Path.Combine(_modelDirectory, "en-us");
        var languageModel = Path.Combine(_modelDirectory, "en-us.lm.bin");
        var dictionary = Path.Combine(_modelDirectory, "cmudict-en-us.dict");
        if (!Directory.Exists(model) || !File.Exists(languageModel) || !File.Exists(dictionary))
        {
            throw new SpeechProviderException(
                $"The pocketsphinx model is missing in '{_modelDirectory}' (en-us, en-us.lm.bin, cmudict-en-us.dict): install pocketsphinx-en-us.");
        }

        string[] arguments = ["-hmm", model, "-lm", languageModel, "-dict", dictionary, "-logfn", "/dev/null"];
        var argv = new IntPtr[arguments.Length];
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            fixed (IntPtr* args = argv)
            {
                var config = PocketSphinxNative.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxNative.ps_args(), argv.Length, args, 0);
                if (config == IntPtr.Zero)
                {
                    throw new SpeechProviderException("pocketsphinx rejected its configuration.");
                }

                // ps_init keeps its own reference to the configuration.
                _decoder = PocketSphinxNative.ps_init(config);
                _ = PocketSphinxNative.cmd_ln_free_r(config);
            }
        }
        catch (DllNotFoundException e)
        {
            throw new SpeechProviderException(
                $"pocketsphinx is not installed ({PocketSphinxNative.PocketSphinxLibrary}, {PocketSphinxNative.SphinxBaseLibrary}): install libpocketsphinx3 and pocketsphinx-en-us for offline transcription.", e);
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }

        return _decoder != IntPtr.Zero ? _decoder : throw new SpeechProviderException($"pocketsphinx could not load the model in '{_modelDirectory}'.");
    }
}
