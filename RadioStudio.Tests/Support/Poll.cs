using System.Diagnostics;

namespace RadioStudio.Tests.Support;

/// <summary>Waits for a condition with a deadline (for state that is not pushed through the store).</summary>
public static class Poll
{
    /// <summary>True once <paramref name="condition"/> holds; false if <paramref name="timeout"/> passes first.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (deadline.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(1);
        }

        return true;
    }

    /// <summary>Fails the test unless <paramref name="condition"/> holds within <paramref name="timeout"/>.</summary>
    public static async Task AssertUntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        Assert.True(await UntilAsync(condition, timeout), because);
}
