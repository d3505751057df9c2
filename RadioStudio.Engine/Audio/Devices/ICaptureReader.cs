namespace RadioStudio.Engine.Audio.Devices;

/// <summary>Counters of one <see cref="CaptureFanout"/> reader (the object <see cref="CaptureFanout.Subscribe"/> returns implements it).</summary>
public interface ICaptureReader
{
    /// <summary>Reads that found less audio than asked for (the rest was silence).</summary>
    long Underruns { get; }

    /// <summary>Times the reader fell more than <see cref="CaptureFanout.SkipThreshold"/> behind and jumped to the newest audio.</summary>
    long Skips { get; }
}
