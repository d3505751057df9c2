namespace RadioStudio.Tests.Support.Models;

/// <summary>Hyper-parameters of a generated Whisper model (encoder and decoder share width, heads and depth).</summary>
/// <param name="Vocab">51864 is English-only (.en); 51865 and up multilingual.</param>
/// <param name="AudioContext">1500 encoder positions = 30 s of 16 kHz audio (3000 mel frames, conv stride 2).</param>
/// <param name="State">Width of every layer.</param>
/// <param name="Heads">Attention heads (divides <paramref name="State"/>).</param>
/// <param name="Layers">Blocks in the encoder and in the decoder.</param>
/// <param name="TextContext">Decoder positions (448 in every real model).</param>
/// <param name="Mels">Mel bands (80 before large-v3).</param>
/// <param name="WrittenTokens">Vocabulary entries written; whisper.cpp names the rest (special tokens) itself.</param>
public sealed record GgmlWhisperShape(int Vocab, int AudioContext, int State, int Heads, int Layers, int TextContext, int Mels, int WrittenTokens)
{
    /// <summary>About 8 MB: English-only, 64 wide, one layer each side.</summary>
    public static GgmlWhisperShape Tiny { get; } = new(51864, 1500, 64, 2, 4, 448, 80, 50256);

    /// <summary>tiny.en's real shape (384 wide, 6 heads, 4 layers; about 75 MB in f16).</summary>
    public static GgmlWhisperShape TinyEn { get; } = new(51864, 1500, 384, 6, 4, 448, 80, 50256);
}
