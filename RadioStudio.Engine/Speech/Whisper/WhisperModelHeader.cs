namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>
/// Reads a ggml Whisper file's header and vocabulary before whisper.cpp sees it, to refuse the files this
/// whisper.cpp build would not report but abort the whole process on (measured with Whisper.net 1.9.1): f32
/// weights (its CPU convolution asserts f16 kernels) and a vocabulary without the single-space token (a
/// <c>std::map::at</c> throw while decoding). Anything that is not a ggml Whisper file is refused too.
/// </summary>
internal static class WhisperModelHeader
{
    private const uint GgmlMagic = 0x67676d6c;
    private const int QuantisationVersionFactor = 1000;

    /// <summary>Why <paramref name="path"/> cannot be used, or null when its header and vocabulary are sound.</summary>
    public static string? Problem(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.BaseStream.Length < 48 || reader.ReadUInt32() != GgmlMagic)
            {
                return "not a ggml Whisper model (no 'ggml' magic; GGUF and other formats are not Whisper models)";
            }

            var hyper = new int[11];
            for (var i = 0; i < hyper.Length; i++)
            {
                hyper[i] = reader.ReadInt32();
            }

            if (hyper[10] % QuantisationVersionFactor == 0)
            {
                return "f32 weights, which this whisper.cpp build cannot run: use the f16 or quantised ggml file";
            }

            var (mels, bins) = (reader.ReadInt32(), reader.ReadInt32());
            if (mels is <= 0 or > 512 || bins is <= 0 or > 4096)
            {
                return "the mel filter table is damaged";
            }

            reader.BaseStream.Seek((long)mels * bins * sizeof(float), SeekOrigin.Current);
            return HasSpaceToken(reader) ? null : "its vocabulary has no single-space token (not a Whisper vocabulary)";
        }
        catch (EndOfStreamException)
        {
            return "the file ends inside its header or vocabulary (an incomplete download?)";
        }
        catch (IOException e)
        {
            return e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            return e.Message;
        }
    }

    private static bool HasSpaceToken(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 1_000_000)
        {
            return false;
        }

        var found = false;
        for (var i = 0; i < count; i++)
        {
            var length = reader.ReadInt32();
            if (length is < 0 or > 1024)
            {
                return false;
            }

            var bytes = reader.ReadBytes(length);
            if (bytes.Length != length)
            {
                throw new EndOfStreamException();
            }

            found |= length == 1 && bytes[0] == (byte)' ';
        }

        return found;
    }
}
