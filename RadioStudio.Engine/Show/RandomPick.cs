using System.Diagnostics.CodeAnalysis;

namespace RadioStudio.Engine.Show;

/// <summary>Draws from pools with the show's seeded <see cref="Random"/> (deterministic for tests, not security).</summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Show variety, seeded for reproducible tests.")]
internal static class RandomPick
{
    public static T One<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    public static int Between(Random random, int minInclusive, int maxInclusive) => random.Next(minInclusive, maxInclusive + 1);

    public static bool Chance(Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Up to <paramref name="count"/> distinct items, in drawn order.</summary>
    public static List<T> Distinct<T>(IReadOnlyList<T> items, int count, Random random)
    {
        var indexes = Enumerable.Range(0, items.Count).ToList();
        var result = new List<T>(Math.Min(count, items.Count));
        while (result.Count < count && indexes.Count > 0)
        {
            var at = random.Next(indexes.Count);
            result.Add(items[indexes[at]]);
            indexes.RemoveAt(at);
        }

        return result;
    }

    /// <summary>One item not in <paramref name="used"/>; when all are used, any item.</summary>
    public static T Fresh<T>(IReadOnlyList<T> items, ICollection<T> used, Random random)
    {
        var fresh = items.Where(i => !used.Contains(i)).ToList();
        return fresh.Count > 0 ? One(fresh, random) : One(items, random);
    }
}
