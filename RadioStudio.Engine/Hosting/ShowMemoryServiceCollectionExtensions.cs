using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Callers;
using RadioStudio.Engine.Show.Memory;

namespace RadioStudio.Engine.Hosting;

/// <summary>Show memory (call records, summaries, the show so far, follow-ups, regulars) and the caller directory.</summary>
public static class ShowMemoryServiceCollectionExtensions
{
    /// <summary>Registers show memory and the caller directory on the studio database.</summary>
    public static IServiceCollection AddShowMemory(this IServiceCollection services)
    {
        services.AddStudioOptions<ShowMemoryOptions>(ShowMemoryOptions.SectionName);
        services.AddSingleton<MemoryDatabase>();
        services.AddSingleton<SqliteCallRecordStore>();
        services.AddSingleton<SqliteRegularStore>();
        services.AddSingleton<ShowHistory>();
        services.AddHostedService(sp => sp.GetRequiredService<ShowHistory>());
        services.AddSingleton<CallSummariser>();
        services.AddHostedService(sp => sp.GetRequiredService<CallSummariser>());
        services.AddSingleton<CallRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<CallRecorder>());
        services.AddSingleton<Regulars>();
        services.AddSingleton<CallerMemory>();
        services.AddSingleton<FollowUps>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUps>());

        services.AddSingleton<IShowMemoryControl, ShowMemoryControl>();

        services.AddSingleton<SqliteCallerDirectory>();
        services.AddSingleton<ICallerDirectory>(sp => sp.GetRequiredService<SqliteCallerDirectory>());
        services.AddSingleton<CallerDirectoryService>();
        services.AddHostedService(sp => sp.GetRequiredService<CallerDirectoryService>());
        return services;
    }
}
