namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>ITU-T G.711 A-law decoding (Sun g711.c <c>alaw2linear</c>), for reading A-law WAVs.</summary>
internal static class ALaw
{
    private static readonly short[] DecodeValues = BuildDecodeTable();

    /// <summary>Decodes one A-law code to a 16-bit sample.</summary>
    public static short Decode(byte alaw) => DecodeValues[alaw];

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            // A-law transmits with every even bit inverted.
            var a = code ^ 0x55;
            var segment = (a >> 4) & 0x07;
            var magnitude = ((a & 0x0F) << 4) + (segment == 0 ? 8 : 0x108);
            if (segment > 1)
            {
                magnitude <<= segment - 1;
            }

            table[code] = (short)((a & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
