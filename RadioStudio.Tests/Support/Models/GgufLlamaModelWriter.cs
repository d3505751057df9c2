using System.Text;

namespace RadioStudio.Tests.Support.Models;

/// <summary>
/// Writes a tiny llama-architecture chat model with random weights in GGUF v3 (magic "GGUF", version 3, tensor and
/// key/value counts, the metadata — general.architecture, llama.* hyper-parameters, a SentencePiece vocabulary
/// with all 256 byte tokens and a ChatML template — then the tensor infos and the f32 data aligned to 32 bytes),
/// shaped as llama.cpp's loader expects. Its replies are gibberish; it lets load, streaming and cancellation run.
/// </summary>
public static class GgufLlamaModelWriter
{
    private const int Alignment = 32;
    private const int EndOfSentence = 2;
    private const int ImEnd = 3 + 256 + 1;
    private const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    /// <summary>Writes the model and returns its size in bytes.</summary>
    public static long Write(string path, int embedding = 64, int layers = 2, int heads = 4, int feedForward = 128, int context = 512, int seed = 16)
    {
        var tokens = Vocabulary();
        var tensors = Tensors(embedding, layers, heads, feedForward, tokens.Count).ToList();
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("GGUF"u8);
            writer.Write(3u);
            writer.Write((ulong)tensors.Count);
            var metadata = new List<Action<BinaryWriter>>
            {
                w => Kv(w, "general.architecture", "llama"),
                w => Kv(w, "general.name", "radiostudio-random-llama"),
                w => Kv(w, "general.alignment", (uint)Alignment),
                w => Kv(w, "llama.context_length", (uint)context),
                w => Kv(w, "llama.embedding_length", (uint)embedding),
                w => Kv(w, "llama.block_count", (uint)layers),
                w => Kv(w, "llama.feed_forward_length", (uint)feedForward),
                w => Kv(w, "llama.attention.head_count", (uint)heads),
                w => Kv(w, "llama.attention.head_count_kv", (uint)heads),
                w => Kv(w, "llama.attention.layer_norm_rms_epsilon", 1e-5f),
                w => Kv(w, "llama.rope.dimension_count", (uint)(embedding / heads)),
                w => Kv(w, "llama.vocab_size", (uint)tokens.Count),
                w => Kv(w, "tokenizer.ggml.model", "llama"),
                w => KvStrings(w, "tokenizer.ggml.tokens", [.. tokens.Select(t => t.Text)]),
                w => KvFloats(w, "tokenizer.ggml.scores", [.. tokens.Select(t => t.Score)]),
                w => KvInts(w, "tokenizer.ggml.token_type", [.. tokens.Select(t => t.Type)]),
                w => Kv(w, "tokenizer.ggml.unknown_token_id", 0u),
                w => Kv(w, "tokenizer.ggml.bos_token_id", 1u),
                w => Kv(w, "tokenizer.ggml.eos_token_id", 2u),
                w => Kv(w, "tokenizer.chat_template", ChatMlTemplate),
            };
            writer.Write((ulong)metadata.Count);
            metadata.ForEach(write => write(writer));

            var offset = 0UL;
            foreach (var (name, dims) in tensors)
            {
                String(writer, name);
                writer.Write((uint)dims.Length);
                foreach (var dim in dims)
                {
                    writer.Write((ulong)dim);
                }

                writer.Write(0u); // GGML_TYPE_F32
                writer.Write(offset);
                offset += Align((ulong)(dims.Aggregate(1L, (a, b) => a * b) * sizeof(float)));
            }

            Pad(writer);
            var random = new Random(seed);
            foreach (var (name, dims) in tensors)
            {
                var count = dims.Aggregate(1L, (a, b) => a * b);
                var norm = name.EndsWith("norm.weight", StringComparison.Ordinal);
                var output = name == "output.weight";
                var bytes = new byte[count * sizeof(float)];
                for (var i = 0; i < count; i++)
                {
                    // The output rows of the end-of-generation tokens are zero and the others large, so a reply is
                    // (almost surely) never empty: </s> and <|im_end|> score 0 against a maximum of several units.
                    var row = i / embedding;
                    var value = norm ? 1f
                        : output && (row == EndOfSentence || row == ImEnd) ? 0f
                        : (float)((random.NextDouble() - 0.5) * (output ? 1.0 : 0.1));
                    BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), value);
                }

                writer.Write(bytes);
                Pad(writer);
            }
        }

        return new FileInfo(path).Length;
    }

    private static IEnumerable<(string Name, int[] Dims)> Tensors(int n, int layers, int heads, int ff, int vocab)
    {
        // ggml order: ne[0] is the input width of a matrix product.
        yield return ("token_embd.weight", [n, vocab]);
        yield return ("output_norm.weight", [n]);
        yield return ("output.weight", [n, vocab]);
        for (var i = 0; i < layers; i++)
        {
            yield return ($"blk.{i}.attn_norm.weight", [n]);
            yield return ($"blk.{i}.attn_q.weight", [n, n]);
            yield return ($"blk.{i}.attn_k.weight", [n, n / heads * heads]);
            yield return ($"blk.{i}.attn_v.weight", [n, n / heads * heads]);
            yield return ($"blk.{i}.attn_output.weight", [n, n]);
            yield return ($"blk.{i}.ffn_norm.weight", [n]);
            yield return ($"blk.{i}.ffn_gate.weight", [n, ff]);
            yield return ($"blk.{i}.ffn_up.weight", [n, ff]);
            yield return ($"blk.{i}.ffn_down.weight", [ff, n]);
        }
    }

    private static List<(string Text, float Score, int Type)> Vocabulary()
    {
        // SentencePiece: <unk>, <s>, </s> (unknown 2, control 3), every byte <0x00>…<0xFF> (type 6, so any text
        // tokenizes), ChatML's markers as control tokens, then a few words (normal, 1).
        var tokens = new List<(string, float, int)> { ("<unk>", 0, 2), ("<s>", 0, 3), ("</s>", 0, 3) };
        tokens.AddRange(Enumerable.Range(0, 256).Select(b => ($"<0x{b:X2}>", 0f, 6)));
        tokens.Add(("<|im_start|>", 0, 3));
        tokens.Add(("<|im_end|>", 0, 3));
        string[] words = ["▁hello", "▁caller", "▁radio", "▁show", "▁the", "▁and", "▁you", "▁I", "▁think", "▁about", "▁night", "▁yes", "▁no", "▁well", ".", ",", "!", "?", "▁", "e", "t", "a", "o", "n", "s"];
        tokens.AddRange(words.Select((w, i) => (w, -1f - i, 1)));
        return tokens;
    }

    private static ulong Align(ulong size) => (size + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter writer)
    {
        writer.Flush();
        var position = writer.BaseStream.Position;
        var padding = (int)((Alignment - (position % Alignment)) % Alignment);
        writer.Write(new byte[padding]);
    }

    private static void String(BinaryWriter w, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void Kv(BinaryWriter w, string key, string value)
    {
        String(w, key);
        w.Write(8u);
        String(w, value);
    }

    private static void Kv(BinaryWriter w, string key, uint value)
    {
        String(w, key);
        w.Write(4u);
        w.Write(value);
    }

    private static void Kv(BinaryWriter w, string key, float value)
    {
        String(w, key);
        w.Write(6u);
        w.Write(value);
    }

    private static void KvStrings(BinaryWriter w, string key, string[] values)
    {
        String(w, key);
        w.Write(9u);
        w.Write(8u);
        w.Write((ulong)values.Length);
        foreach (var value in values)
        {
            String(w, value);
        }
    }

    private static void KvFloats(BinaryWriter w, string key, float[] values)
    {
        String(w, key);
        w.Write(9u);
        w.Write(6u);
        w.Write((ulong)values.Length);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static void KvInts(BinaryWriter w, string key, int[] values)
    {
        String(w, key);
        w.Write(9u);
        w.Write(5u);
        w.Write((ulong)values.Length);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }
}
