using EscalationFlows.Escalations.Context;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EscalationFlows.Escalations.Hosting;

public static class EscalationsContextServiceCollectionExtensions
{
    /// <summary>The service key of the <see cref="IChatClient"/> the context summarizer uses (registered only when a model is configured).</summary>
    public const string ChatClientKey = "escalations.context-summary";

    /// <summary>
    /// Registers <see cref="IContextSummarizer"/>: the offline <see cref="ExtractiveSummarizer"/>, or, when the <c>Ai</c>
    /// section names a model (<c>Ai:Model</c> with <c>Ai:Endpoint</c> or <c>Ai:Provider</c>), the
    /// <see cref="ModelContextSummarizer"/> that falls back to it. Reads and checks the section now, so a bad value
    /// fails at startup. Calling it twice registers nothing more. A host (or test) may register its own
    /// <see cref="IChatClient"/> under <see cref="ChatClientKey"/> first.
    /// </summary>
    public static IServiceCollection AddEscalationsContext(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = ContextSummaryOptionsReader.Read(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new ExtractiveSummarizer(sp.GetRequiredService<ContextSummaryOptions>(), Logger<ExtractiveSummarizer>(sp)));
        if (!options.UsesModel)
        {
            services.TryAddSingleton<IContextSummarizer>(sp => sp.GetRequiredService<ExtractiveSummarizer>());
            return services;
        }

        services.TryAddKeyedSingleton(ChatClientKey, (sp, _) => ContextChatClientFactory.Create(sp.GetRequiredService<ContextSummaryOptions>()));
        services.TryAddSingleton<IContextSummarizer>(sp => new ModelContextSummarizer(
            sp.GetRequiredKeyedService<IChatClient>(ChatClientKey),
            sp.GetRequiredService<ContextSummaryOptions>(),
            sp.GetRequiredService<ExtractiveSummarizer>(),
            sp.GetRequiredService<TimeProvider>(),
            Logger<ModelContextSummarizer>(sp)));
        return services;
    }

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;
}
