using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RadioStudio.Engine.Hosting;

/// <summary>Binds an options class to its section and validates it when the studio starts.</summary>
public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/>, validated at start with key-naming errors.</summary>
    public static OptionsBuilder<TOptions> AddStudioOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionOptionsValidator<TOptions>(sectionName));
        return services.AddOptions<TOptions>()
            .BindConfiguration(sectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
    }
}
