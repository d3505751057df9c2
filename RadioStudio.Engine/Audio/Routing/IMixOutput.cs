namespace RadioStudio.Engine.Audio.Routing;

/// <summary>
/// Somewhere the mix goes every block: a device, the stem recorder, the null output. <see cref="Write"/>
/// runs on the audio clock thread: copy what is needed into a preallocated buffer and return — no I/O,
/// allocation, logging, await or contended lock. Anything slow happens on the output's own thread.
/// </summary>
public interface IMixOutput
{
    /// <summary>A short name for logs and the UI.</summary>
    string Name { get; }

    /// <summary>Takes one block. Must never throw for a device or disk problem; report it as state instead.</summary>
    void Write(MixBlock block);
}
