using System.Buffers.Binary;
using System.Text;

namespace RadioStudio.Tests.Engine.Audio.Codecs;

/// <summary>Hand-built WAV files for reader tests: chunks with honest or lying sizes.</summary>
internal static class WavBytes
{
    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        return [.. Ascii("RIFF"), .. U32((uint)(body.Length + 4)), .. Ascii("WAVE"), .. body];
    }

    /// <summary>A chunk padded to even length; <paramref name="declaredSize"/> overrides the size field.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null, bool pad = true) =>
        [.. Ascii(id), .. U32(declaredSize ?? (uint)body.Length), .. body, .. (pad && body.Length % 2 == 1 ? new byte[1] : [])];

    public static byte[] Fmt(int tag, int channels, int rate, int bits, int? blockAlign = null)
    {
        var align = blockAlign ?? channels * bits / 8;
        return Chunk("fmt ", [.. U16(tag), .. U16(channels), .. U32((uint)rate), .. U32((uint)(rate * align)), .. U16(align), .. U16(bits)]);
    }

    public static byte[] FmtExtensible(int subTag, int channels, int rate, int bits, byte[]? guidTail = null)
    {
        var align = channels * bits / 8;
        byte[] tail = guidTail ?? [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        return Chunk("fmt ", [
            .. U16(0xFFFE), .. U16(channels), .. U32((uint)rate), .. U32((uint)(rate * align)), .. U16(align), .. U16(bits),
            .. U16(22), .. U16(bits), .. U32(3), .. U16(subTag), .. tail]);
    }

    public static byte[] Data(params byte[] body) => Chunk("data", body);

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] U16(int value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        return b;
    }

    public static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }
}
