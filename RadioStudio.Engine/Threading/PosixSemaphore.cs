using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Threading;

/// <summary>
/// A counting semaphore for waking a dedicated thread from the real-time audio thread, the way JACK clients do:
/// on Linux a POSIX <c>sem_post</c> is an atomic increment plus, only when someone sleeps, a futex wake — no mutex a
/// preempted waiter could be holding (a <see cref="SemaphoreSlim"/> or <see cref="ManualResetEventSlim"/> takes a
/// monitor the waiting thread also takes). Elsewhere it falls back to a <see cref="SemaphoreSlim"/>. Posting after
/// <see cref="Dispose"/> throws <see cref="ObjectDisposedException"/>; the native semaphore is freed only once no
/// call is using it.
/// </summary>
internal sealed partial class PosixSemaphore : IDisposable
{
    private const int Eintr = 4;
    private readonly Handle? _handle;
    private readonly SemaphoreSlim? _fallback;

    public PosixSemaphore()
    {
        if (OperatingSystem.IsLinux())
        {
            _handle = Handle.Create();
        }
        else
        {
            _fallback = new SemaphoreSlim(0);
        }
    }

    /// <summary>Adds one to the count, waking a waiter if there is one. Lock-free on Linux; never blocks.</summary>
    public void Post()
    {
        if (_handle is not null)
        {
            _ = SemPost(_handle);
        }
        else
        {
            _fallback!.Release();
        }
    }

    /// <summary>Waits until the count is above zero, then takes one.</summary>
    public void Wait()
    {
        if (_handle is null)
        {
            _fallback!.Wait();
            return;
        }

        // The runtime interrupts threads with signals (to suspend them for a GC): a wait cut short just resumes.
        while (SemWait(_handle) != 0 && Marshal.GetLastPInvokeError() == Eintr)
        {
        }
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _fallback?.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "sem_post")]
    private static partial int SemPost(Handle semaphore);

    [LibraryImport("libc", EntryPoint = "sem_wait", SetLastError = true)]
    private static partial int SemWait(Handle semaphore);

    [LibraryImport("libc", EntryPoint = "sem_init")]
    private static partial int SemInit(IntPtr semaphore, int shared, uint value);

    [LibraryImport("libc", EntryPoint = "sem_destroy")]
    private static partial int SemDestroy(IntPtr semaphore);

    /// <summary>The native <c>sem_t</c> (64 bytes covers every libc's); freed when the last call using it returns.</summary>
    private sealed class Handle : SafeHandle
    {
        private const int Size = 64;

        public Handle()
            : base(IntPtr.Zero, ownsHandle: true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        public static unsafe Handle Create()
        {
            var memory = (IntPtr)NativeMemory.AllocZeroed(Size);
            if (SemInit(memory, 0, 0) != 0)
            {
                NativeMemory.Free((void*)memory);
                throw new InvalidOperationException("sem_init failed");
            }

            var created = new Handle();
            created.SetHandle(memory);
            return created;
        }

        protected override unsafe bool ReleaseHandle()
        {
            _ = SemDestroy(handle);
            NativeMemory.Free((void*)handle);
            return true;
        }
    }
}
