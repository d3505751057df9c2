using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>The output used when no device is chosen: takes every block and only counts it.</summary>
public sealed class NullOutput : IMixOutput
{
    private long _blocksWritten;

    /// <inheritdoc />
    public string Name => "null";

    /// <summary>Blocks taken so far.</summary>
    public long BlocksWritten => Interlocked.Read(ref _blocksWritten);

    /// <inheritdoc />
    public void Write(MixBlock block) => Interlocked.Increment(ref _blocksWritten);
}
