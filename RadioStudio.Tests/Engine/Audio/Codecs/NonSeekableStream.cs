namespace RadioStudio.Tests.Engine.Audio.Codecs;

/// <summary>A pipe-like view of a byte array or sink: no Length, no Position, no Seek.</summary>
internal sealed class NonSeekableStream(MemoryStream inner) : Stream
{
    public NonSeekableStream(byte[] bytes)
        : this(new MemoryStream(bytes))
    {
    }

    public MemoryStream Inner => inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}
