namespace RadioStudio.Engine.Audio.Recording;

/// <summary>What the <see cref="StemRecorder"/> is doing.</summary>
public enum StemRecorderState
{
    /// <summary>No take: <see cref="StemRecorder.Write"/> returns at once.</summary>
    Idle,

    /// <summary>A take is being written.</summary>
    Recording,

    /// <summary>The take stopped on a disk error (see the status message); audio is no longer captured.</summary>
    Failed,
}
