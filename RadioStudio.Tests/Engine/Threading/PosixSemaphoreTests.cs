using RadioStudio.Engine.Threading;

namespace RadioStudio.Tests.Engine.Threading;

public sealed class PosixSemaphoreTests
{
    [Fact]
    public void Posts_AreCounted_AndEachWakesOneWait()
    {
        using var semaphore = new PosixSemaphore();
        const int Posts = 10_000;
        var taken = 0;
        var waiter = new Thread(() =>
        {
            for (var i = 0; i < Posts; i++)
            {
                semaphore.Wait();
                taken++;
            }
        });
        waiter.Start();

        for (var i = 0; i < Posts; i++)
        {
            semaphore.Post();
        }

        Assert.True(waiter.Join(TimeSpan.FromSeconds(30)), $"the waiter took {taken} of {Posts}");
        Assert.Equal(Posts, taken);
    }

    [Fact]
    public void Post_AllocatesNothing()
    {
        using var semaphore = new PosixSemaphore();
        semaphore.Post();
        semaphore.Wait();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            semaphore.Post();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PostAfterDispose_ThrowsObjectDisposed_InsteadOfTouchingFreedMemory()
    {
        var semaphore = new PosixSemaphore();
        semaphore.Dispose();

        Assert.Throws<ObjectDisposedException>(semaphore.Post);
    }
}
