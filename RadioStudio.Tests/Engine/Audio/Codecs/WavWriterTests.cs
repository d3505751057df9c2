using System.Buffers.Binary;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Codecs;

public sealed class WavWriterTests
{
    [Fact]
    public void Dispose_Pcm16Stereo_WritesCanonical44ByteHeader()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, 2, WavSampleFormat.Pcm16, leaveOpen: true))
        {
            writer.Write([0.5f, -0.5f]);
        }

        var expected = Convert.FromHexString("52494646280000005741564566" + "6D74201000000001000200401F0000007D0000040010006461746104000000" + "0040" + "00C0");
        Assert.Equal(expected, stream.ToArray());
    }

    [Fact]
    public void Write_Pcm24_RoundsToTheNearestStepClipsAtFullScaleAndReadsBack()
    {
        var stream = new MemoryStream();
        float[] samples = [0f, 0.5f, -0.5f, 1.5f, -1.5f, 1f / 8388608, 0.123456789f];
        using (var writer = new WavWriter(stream, 48000, 1, WavSampleFormat.Pcm24, leaveOpen: true))
        {
            writer.Write(samples);
        }

        var bytes = stream.ToArray();
        Assert.Equal(44 + (samples.Length * 3), bytes.Length);
        Assert.Equal((ushort)1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal((ushort)24, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal(48000 * 3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal([0x00, 0x00, 0x40], bytes[47..50]);
        Assert.Equal([0xFF, 0xFF, 0x7F], bytes[53..56]);
        Assert.Equal([0x00, 0x00, 0x80], bytes[56..59]);
        stream.Position = 0;
        var read = WavReader.Read(stream);
        Assert.Equal(samples.Length, read.Samples.Length);
        float[] expected = [0f, 0.5f, -0.5f, 8388607f / 8388608, -1f, 1f / 8388608, MathF.Round(0.123456789f * 8388608) / 8388608];
        Assert.Equal(expected, read.Samples);
    }

    [Fact]
    public void Dispose_Float32Mono_WritesFormat3WithFactChunk()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 48000, 1, WavSampleFormat.Float32, leaveOpen: true))
        {
            writer.Write([0.1f, 0.2f, 0.3f]);
        }

        var bytes = stream.ToArray();
        Assert.Equal(58 + 12, bytes.Length);
        Assert.Equal(62u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((ushort)3, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal("fact", System.Text.Encoding.ASCII.GetString(bytes, 38, 4));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(46)));
        Assert.Equal("data", System.Text.Encoding.ASCII.GetString(bytes, 50, 4));
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(54)));
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1)]
    [InlineData(WavSampleFormat.Pcm16, 2)]
    [InlineData(WavSampleFormat.Float32, 1)]
    [InlineData(WavSampleFormat.Float32, 2)]
    [InlineData(WavSampleFormat.Float32, 6)]
    public void WriteThenRead_ManyBlocks_RoundTripsExactly(WavSampleFormat format, int channels)
    {
        // Multiples of 1/32768 survive 16-bit exactly; 5000 frames span several internal buffers.
        var samples = Enumerable.Range(0, 5000 * channels).Select(i => ((i * 7919 % 65536) - 32768) / 32768f).ToArray();
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 22050, channels, format, leaveOpen: true))
        {
            writer.Write(samples.AsSpan(0, 3 * channels));
            writer.Write(samples.AsSpan(3 * channels));
            Assert.Equal(5000, writer.FramesWritten);
        }

        stream.Position = 0;
        var audio = WavReader.Read(stream);

        Assert.Equal((22050, channels), (audio.SampleRate, audio.Channels));
        Assert.Equal(samples, audio.Samples);
    }

    [Fact]
    public void Write_Pcm16OutOfRange_ClampsAndRounds()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, 1, WavSampleFormat.Pcm16, leaveOpen: true))
        {
            writer.Write([1.5f, -3f, 1.6f / 32768]);
        }

        stream.Position = 0;
        Assert.Equal([32767f / 32768, -1f, 2f / 32768], WavReader.Read(stream).Samples);
    }

    [Fact]
    public void Flush_MidRecording_LeavesValidFileOfFramesSoFar()
    {
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, 48000, 1, WavSampleFormat.Float32, leaveOpen: true);
        writer.Write([0.25f, 0.5f]);
        writer.Flush();
        var snapshot = stream.ToArray();
        writer.Write([0.75f]);

        Assert.Equal(3, stream.Length / 4 - (58 / 4));
        Assert.Equal([0.25f, 0.5f], WavReader.Read(new MemoryStream(snapshot)).Samples);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(snapshot.AsSpan(46)));
        writer.Dispose();
        stream.Position = 0;
        Assert.Equal([0.25f, 0.5f, 0.75f], WavReader.Read(stream).Samples);
    }

    [Fact]
    public void Write_NeverFlushed_ReaderStillReadsToEnd()
    {
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, 8000, 1, WavSampleFormat.Pcm16, leaveOpen: true);
        writer.Write([0.5f, -0.25f]);

        // The process "dies" here: the header still says 0 bytes.
        Assert.Equal([0.5f, -0.25f], WavReader.Read(new MemoryStream(stream.ToArray())).Samples);
        writer.Dispose();
    }

    [Fact]
    public void Write_StreamStartsMidway_HeaderPatchedInPlace()
    {
        var stream = new MemoryStream();
        stream.Write([9, 9, 9]);
        using (var writer = new WavWriter(stream, 8000, 1, WavSampleFormat.Pcm16, leaveOpen: true))
        {
            writer.Write([0.5f]);
        }

        var bytes = stream.ToArray();
        Assert.Equal([9, 9, 9], bytes[..3]);
        Assert.Equal([0.5f], WavReader.Read(new MemoryStream(bytes[3..])).Samples);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(3 + 40)));
    }

    [Fact]
    public void Write_NonSeekableStream_SizesStreamedAndReadable()
    {
        var sink = new NonSeekableStream(new MemoryStream());
        using (var writer = new WavWriter(sink, 8000, 2, WavSampleFormat.Pcm16, leaveOpen: true))
        {
            writer.Write([0.5f, -0.5f, 0.25f, -0.25f]);
            writer.Flush();
        }

        var bytes = sink.Inner.ToArray();
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
        Assert.Equal([0.5f, -0.5f, 0.25f, -0.25f], WavReader.Read(new MemoryStream(bytes)).Samples);
    }

    [Fact]
    public void Dispose_LeaveOpenFalse_ClosesStream_TrueKeepsIt()
    {
        var closed = new MemoryStream();
        var kept = new MemoryStream();

        new WavWriter(closed, 8000, 1, WavSampleFormat.Pcm16).Dispose();
        new WavWriter(kept, 8000, 1, WavSampleFormat.Pcm16, leaveOpen: true).Dispose();

        Assert.False(closed.CanWrite);
        Assert.True(kept.CanWrite);
    }

    [Fact]
    public void Write_PartialFrameOrAfterDispose_Throws()
    {
        var writer = new WavWriter(new MemoryStream(), 8000, 2, WavSampleFormat.Pcm16);

        Assert.Throws<ArgumentException>(() => writer.Write([0f, 0f, 0f]));
        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Write([0f, 0f]));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(new MemoryStream(), 0, 1, WavSampleFormat.Pcm16));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(new MemoryStream(), 8000, 0, WavSampleFormat.Pcm16));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(new MemoryStream(), 8000, 1, (WavSampleFormat)7));
        Assert.Throws<ArgumentException>(() => new WavWriter(new MemoryStream([], writable: false), 8000, 1, WavSampleFormat.Pcm16));
    }

    [Fact]
    public void WriteThenReadPath_File_RoundTrips()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "stem.wav");
        using (var writer = new WavWriter(path, 48000, 1, WavSampleFormat.Float32))
        {
            writer.Write([0.125f, -0.5f]);
        }

        var audio = WavReader.Read(path);

        Assert.Equal((48000, 1), (audio.SampleRate, audio.Channels));
        Assert.Equal([0.125f, -0.5f], audio.Samples);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16)]
    [InlineData(WavSampleFormat.Float32)]
    public void Write_SteadyState_AllocatesNothing(WavSampleFormat format)
    {
        using var writer = new WavWriter(Stream.Null, 48000, 1, format);
        var block = new float[960 * 20];
        writer.Write(block);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(block);
        }

        // A per-call conversion buffer would cost ≥ 38 KB per write (3.8 MB here). A few KB can appear from
        // the runtime itself (tiered JIT, call-counting stubs) when the whole suite runs in parallel.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated over 100 writes");
    }

    [Fact]
    public void Dispose_ReserveRf64Small_PlainRiffWithJunkChunkReaderSkips()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 48000, 1, WavSampleFormat.Float32, leaveOpen: true, reserveRf64: true))
        {
            writer.Write([0.1f, 0.2f, 0.3f]);
            Assert.False(writer.IsRf64);
        }

        var bytes = stream.ToArray();
        Assert.Equal(94 + 12, bytes.Length);
        Assert.Equal("RIFF", Ascii(bytes, 0));
        Assert.Equal((uint)bytes.Length - 8, U32At(bytes, 4));
        Assert.Equal("JUNK", Ascii(bytes, 12));
        Assert.Equal(28u, U32At(bytes, 16));
        Assert.All(bytes[20..48], b => Assert.Equal(0, b));
        Assert.Equal("fmt ", Ascii(bytes, 48));
        Assert.Equal(3u, U32At(bytes, 82));
        Assert.Equal("data", Ascii(bytes, 86));
        Assert.Equal(12u, U32At(bytes, 90));
        stream.Position = 0;
        Assert.Equal([0.1f, 0.2f, 0.3f], WavReader.Read(stream).Samples);
    }

    [Theory]
    [InlineData(WavSampleFormat.Float32, 94)]
    [InlineData(WavSampleFormat.Pcm16, 80)]
    public void Flush_PastForcedThreshold_RewritesAsRf64PerEbu3306(WavSampleFormat format, int headerLength)
    {
        // 2000 frames = 8000 (float) / 4000 (PCM16) bytes of data against a 3000-byte RIFF limit.
        var samples = Enumerable.Range(0, 2000).Select(i => ((i * 7919 % 65536) - 32768) / 32768f).ToArray();
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, 48000, 1, format, leaveOpen: true, reserveRf64: true, maxRiffSize: 3000);
        writer.Write(samples.AsSpan(0, 100));
        writer.Flush();
        Assert.False(writer.IsRf64);
        Assert.Equal("RIFF", Ascii(stream.ToArray(), 0));

        writer.Write(samples.AsSpan(100));
        writer.Dispose();

        var bytes = stream.ToArray();
        var bytesPerSample = format == WavSampleFormat.Float32 ? 4 : 2;
        var dataBytes = 2000 * bytesPerSample;
        Assert.True(writer.IsRf64);
        Assert.Equal(headerLength + dataBytes, bytes.Length);
        Assert.Equal("RF64", Ascii(bytes, 0));
        Assert.Equal(uint.MaxValue, U32At(bytes, 4));
        Assert.Equal("WAVE", Ascii(bytes, 8));
        Assert.Equal("ds64", Ascii(bytes, 12));
        Assert.Equal(28u, U32At(bytes, 16));
        Assert.Equal(bytes.Length - 8L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(dataBytes, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(2000L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(36)));
        Assert.Equal(0u, U32At(bytes, 44));
        Assert.Equal("fmt ", Ascii(bytes, 48));
        Assert.Equal("data", Ascii(bytes, headerLength - 8));
        Assert.Equal(uint.MaxValue, U32At(bytes, headerLength - 4));
        if (format == WavSampleFormat.Float32)
        {
            Assert.Equal("fact", Ascii(bytes, 74));
            Assert.Equal(uint.MaxValue, U32At(bytes, 82));
        }

        stream.Position = 0;
        var audio = WavReader.Read(stream);
        Assert.Equal((48000, 1), (audio.SampleRate, audio.Channels));
        Assert.Equal(samples, audio.Samples);
    }

    [Fact]
    public void Read_Rf64WithTrailingBytesPastDs64Size_ReadsDeclaredSizeOnly()
    {
        // What a crash leaves: RF64 header flushed for 600 frames, more data appended after it.
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, 48000, 1, WavSampleFormat.Float32, leaveOpen: true, reserveRf64: true, maxRiffSize: 1000);
        writer.Write(Enumerable.Range(0, 600).Select(i => i / 1024f).ToArray());
        writer.Flush();
        writer.Write([9f, 9f]);

        var audio = WavReader.Read(new MemoryStream(stream.ToArray()));

        Assert.Equal(Enumerable.Range(0, 600).Select(i => i / 1024f).ToArray(), audio.Samples);
        writer.Dispose();
    }

    [Fact]
    public void Read_Rf64WithoutDs64_Rejected()
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, 1, WavSampleFormat.Pcm16, leaveOpen: true, reserveRf64: true, maxRiffSize: 10))
        {
            writer.Write([0.5f]);
        }

        var bytes = stream.ToArray();
        "JUNK"u8.CopyTo(bytes.AsSpan(12));

        var error = Assert.Throws<InvalidDataException>(() => WavReader.Read(new MemoryStream(bytes)));
        Assert.Contains("ds64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(48000)]
    public void WriteSilence_ShortAndLongRuns_ZerosBetweenSamples(int frames)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "gap.wav");
        using (var writer = new WavWriter(path, 48000, 1, WavSampleFormat.Float32))
        {
            writer.Write([0.5f]);
            writer.WriteSilence(frames);
            writer.Write([-0.5f]);
            Assert.Equal(frames + 2, writer.FramesWritten);
        }

        var expected = new float[frames + 2];
        expected[0] = 0.5f;
        expected[^1] = -0.5f;
        Assert.Equal(expected, WavReader.Read(path).Samples);
    }

    private static string Ascii(byte[] bytes, int offset) => System.Text.Encoding.ASCII.GetString(bytes, offset, 4);

    private static uint U32At(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
}
