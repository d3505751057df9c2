using System.Text;

namespace RadioStudio.Tests.Support.Models;

/// <summary>
/// Writes a tiny ggml Whisper model with random weights in whisper.cpp's legacy format (magic "ggml", 11 int32
/// hyper-parameters, mel filters, vocabulary, then every tensor: n_dims, name length, type, ne[] in ggml order,
/// name, data), shaped exactly as whisper.cpp's <c>whisper_model_load</c> expects. The file type is f16 (ftype 1):
/// matrices and convolution kernels are f16, biases, norms and positional embeddings f32 (whisper.cpp's CPU
/// convolution asserts f16 kernels, so an f32 file loads but aborts the process on the first transcription). Its words are meaningless;
/// it lets the load → transcribe → segments path run without a downloaded model.
/// </summary>
public static class GgmlWhisperModelWriter
{
    private const uint Magic = 0x67676d6c;
    private const int SpaceToken = 220;

    /// <summary>Writes the model to <paramref name="path"/> and returns its size in bytes.</summary>
    public static long Write(string path, GgmlWhisperShape? shape = null, int seed = 16, bool withSpaceToken = true)
    {
        var s = shape ?? GgmlWhisperShape.Tiny;
        var random = new Random(seed);
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(Magic);
            foreach (var value in new[] { s.Vocab, s.AudioContext, s.State, s.Heads, s.Layers, s.TextContext, s.State, s.Heads, s.Layers, s.Mels, 1 })
            {
                writer.Write(value);
            }

            WriteMelFilters(writer, s.Mels);
            WriteVocabulary(writer, s.WrittenTokens, withSpaceToken);
            foreach (var (name, dims, kind) in Tensors(s))
            {
                WriteTensor(writer, name, dims, kind, random);
            }
        }

        return new FileInfo(path).Length;
    }

    /// <summary>A copy of a written model cut to <paramref name="fraction"/> of its length (a broken download).</summary>
    public static void WriteTruncated(string path, double fraction = 0.5, GgmlWhisperShape? shape = null)
    {
        Write(path, shape);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength((long)(file.Length * fraction));
    }

    private static void WriteMelFilters(BinaryWriter writer, int mels)
    {
        const int fftBins = 201;
        writer.Write(mels);
        writer.Write(fftBins);
        for (var mel = 0; mel < mels; mel++)
        {
            // Triangular-ish filters spread over the spectrum: enough for a sane log-mel of real speech.
            var centre = 1 + (mel * (fftBins - 2) / mels);
            for (var bin = 0; bin < fftBins; bin++)
            {
                writer.Write(Math.Max(0f, 1f - (Math.Abs(bin - centre) / 3f)) * 0.01f);
            }
        }
    }

    private static void WriteVocabulary(BinaryWriter writer, int tokens, bool withSpaceToken)
    {
        // whisper.cpp fills the special tokens (end of text at 50256 onwards) itself when the list is shorter. It looks
        // up the single space (GPT-2's token 220) by text while decoding (suppress_blank): without it, std::map::at
        // throws inside whisper_process_logits and the process aborts.
        writer.Write(tokens);
        for (var i = 0; i < tokens; i++)
        {
            var word = Encoding.UTF8.GetBytes(i switch
            {
                < 26 => ((char)('a' + i)).ToString(),
                SpaceToken when withSpaceToken => " ",
                _ => $" w{i}",
            });
            writer.Write(word.Length);
            writer.Write(word);
        }
    }

    private static void WriteTensor(BinaryWriter writer, string name, int[] dims, TensorKind kind, Random random)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        writer.Write(dims.Length);
        writer.Write(nameBytes.Length);
        var half = kind == TensorKind.Matrix;
        writer.Write(half ? 1 : 0); // GGML_TYPE_F16 : GGML_TYPE_F32
        foreach (var dim in dims)
        {
            writer.Write(dim);
        }

        writer.Write(nameBytes);
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var buffer = new byte[count * (half ? 2 : 4)];
        for (var i = 0; i < count; i++)
        {
            var value = kind switch
            {
                TensorKind.One => 1f,
                TensorKind.Zero => 0f,
                _ => (float)((random.NextDouble() - 0.5) * 0.08),
            };
            if (half)
            {
                BitConverter.TryWriteBytes(buffer.AsSpan((int)(i * 2)), (Half)value);
            }
            else
            {
                BitConverter.TryWriteBytes(buffer.AsSpan((int)(i * 4)), value);
            }
        }

        writer.Write(buffer);
    }

    private static IEnumerable<(string Name, int[] Dims, TensorKind Kind)> Tensors(GgmlWhisperShape s)
    {
        var n = s.State;
        yield return ("encoder.positional_embedding", [n, s.AudioContext], TensorKind.Random);
        yield return ("encoder.conv1.weight", [3, s.Mels, n], TensorKind.Matrix);
        yield return ("encoder.conv1.bias", [1, n], TensorKind.Zero);
        yield return ("encoder.conv2.weight", [3, n, n], TensorKind.Matrix);
        yield return ("encoder.conv2.bias", [1, n], TensorKind.Zero);
        yield return ("encoder.ln_post.weight", [n], TensorKind.One);
        yield return ("encoder.ln_post.bias", [n], TensorKind.Zero);
        for (var layer = 0; layer < s.Layers; layer++)
        {
            foreach (var tensor in Block($"encoder.blocks.{layer}.", n, cross: false))
            {
                yield return tensor;
            }
        }

        yield return ("decoder.positional_embedding", [n, s.TextContext], TensorKind.Random);
        yield return ("decoder.token_embedding.weight", [n, s.Vocab], TensorKind.Matrix);
        yield return ("decoder.ln.weight", [n], TensorKind.One);
        yield return ("decoder.ln.bias", [n], TensorKind.Zero);
        for (var layer = 0; layer < s.Layers; layer++)
        {
            foreach (var tensor in Block($"decoder.blocks.{layer}.", n, cross: true))
            {
                yield return tensor;
            }
        }
    }

    private static IEnumerable<(string Name, int[] Dims, TensorKind Kind)> Block(string prefix, int n, bool cross)
    {
        yield return (prefix + "mlp_ln.weight", [n], TensorKind.One);
        yield return (prefix + "mlp_ln.bias", [n], TensorKind.Zero);
        yield return (prefix + "mlp.0.weight", [n, 4 * n], TensorKind.Matrix);
        yield return (prefix + "mlp.0.bias", [4 * n], TensorKind.Zero);
        yield return (prefix + "mlp.2.weight", [4 * n, n], TensorKind.Matrix);
        yield return (prefix + "mlp.2.bias", [n], TensorKind.Zero);
        foreach (var attention in cross ? new[] { "attn", "cross_attn" } : ["attn"])
        {
            yield return (prefix + attention + "_ln.weight", [n], TensorKind.One);
            yield return (prefix + attention + "_ln.bias", [n], TensorKind.Zero);
            yield return (prefix + attention + ".query.weight", [n, n], TensorKind.Matrix);
            yield return (prefix + attention + ".query.bias", [n], TensorKind.Zero);
            yield return (prefix + attention + ".key.weight", [n, n], TensorKind.Matrix);
            yield return (prefix + attention + ".value.weight", [n, n], TensorKind.Matrix);
            yield return (prefix + attention + ".value.bias", [n], TensorKind.Zero);
            yield return (prefix + attention + ".out.weight", [n, n], TensorKind.Matrix);
            yield return (prefix + attention + ".out.bias", [n], TensorKind.Zero);
        }
    }

    private enum TensorKind
    {
        /// <summary>f32 random (positional embeddings).</summary>
        Random,

        /// <summary>f16 random (weights of the matrix products and convolutions).</summary>
        Matrix,
        One,
        Zero,
    }
}
