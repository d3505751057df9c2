using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Hosting;
using RadioStudio.Engine.Screening;

namespace RadioStudio.Tests.Engine.Screening;

public sealed class ScreeningRegistrationTests
{
    [Fact]
    public async Task AddScreening_NoDirectory_KnowsNobodyAndIsOnByDefault()
    {
        await using var services = Build(new ServiceCollection());

        var lookup = services.GetRequiredService<IKnownCallerLookup>();

        Assert.IsType<NoKnownCallers>(lookup);
        Assert.Null(await lookup.FindNameAsync("+14155550100"));
        Assert.True(services.GetRequiredService<IOptions<ScreeningOptions>>().Value.Enabled);
        Assert.Equal(4, services.GetRequiredService<ScreeningProviderGate>().Capacity);
    }

    [Fact]
    public async Task AddScreening_WithTheCallerDirectory_KnownCallersAreTheDirectorys()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<RadioStudio.Engine.Callers.ICallerDirectory>(new NamedDirectory());
        await using var services = Build(collection);

        var lookup = services.GetRequiredService<IKnownCallerLookup>();

        Assert.Equal("Norma", await lookup.FindNameAsync("+14155550100"));
        Assert.Null(await lookup.FindNameAsync("+14155550199"));
    }

    [Fact]
    public async Task AddScreening_DirectoryRegisteredFirst_DirectoryKept()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IKnownCallerLookup, Directory>();
        await using var services = Build(collection);

        Assert.Equal("Dave", await services.GetRequiredService<IKnownCallerLookup>().FindNameAsync("+14155550100"));
    }

    private static ServiceProvider Build(ServiceCollection collection)
    {
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddSingleton(TimeProvider.System);
        collection.AddScreening();
        return collection.BuildServiceProvider();
    }

    private sealed class NamedDirectory : RadioStudio.Engine.Callers.ICallerDirectory
    {
        public Task<RadioStudio.Engine.Callers.CallerProfile> LookupAsync(string number, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RadioStudio.Engine.Callers.CallerProfile(number, number == "+14155550100" ? "Norma" : null, null, 0, null, null, false, false));

        public Task SaveDetailsAsync(string number, string? name, string? notes, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SetFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public bool IsBlocked(string number) => false;

        public Task<IReadOnlyList<RadioStudio.Engine.Callers.CallerProfile>> SearchAsync(string? text, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RadioStudio.Engine.Callers.CallerProfile>>([]);
    }

    private sealed class Directory : IKnownCallerLookup
    {
        public ValueTask<string?> FindNameAsync(string number, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>("Dave");
    }
}
