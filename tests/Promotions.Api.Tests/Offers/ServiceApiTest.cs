namespace Promotions.Api.Tests.Offers;

/// <summary>
/// A fresh service (<typeparamref name="TProgram"/>) per test, with seeding over its ports and one channel client
/// holding a scope (tests never share a store: offers and quotes see every live promotion).
/// </summary>
public abstract class ServiceApiTest<TProgram> : IDisposable
    where TProgram : class
{
    protected ServiceApiTest(string subject, string scope)
    {
        Seed = new Seed(Host.Services, Host.Clock.GetUtcNow());
        Client = Host.Channel(subject, scope);
    }

    internal ServiceHost<TProgram> Host { get; } = new();

    internal Seed Seed { get; }

    /// <summary>The channel client of this test.</summary>
    protected HttpClient Client { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
            Host.Dispose();
        }
    }
}
