namespace RadioStudio.Engine.Audio;

/// <summary>
/// Buffers the audio clock writes, allocated with every page already written. The garbage collector hands out memory
/// it has never used without clearing it (fresh pages from the OS are zero), so the first write to each 4 KiB page
/// is a page fault on whichever thread makes it. Left to the clock thread, a line's buffers faulted in while 50
/// callers connected cost one block 36 ms here (23 faults; a fault on this VM can take over a millisecond while the
/// host maps the guest's memory). Writing them once on the allocating thread moves that cost off the clock.
/// </summary>
internal static class RealtimeMemory
{
    /// <summary>A zeroed array of <paramref name="length"/> whose every page has been written.</summary>
    public static T[] Array<T>(long length)
        where T : unmanaged
    {
        var array = new T[length];

        // Not a no-op: this write is the page fault, taken here instead of on the real-time thread.
        array.AsSpan().Clear();
        return array;
    }
}
