using Promotions.Domain.Customers;
using Promotions.Domain.PersonalData;
using Promotions.Embedded.Customers;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Tests.Support;

/// <summary>The customer store as the embedded registration builds it: on the key ring in the database's own data directory.</summary>
internal static class SealedCustomerStores
{
    public static SqliteCustomerStore Create(SqliteDatabase database, DataKeyPolicy? policy = null)
    {
        var ring = new LocalKeyRing(database.DataDirectory);
        return new SqliteCustomerStore(database, new CustomerPrivacy(new PersonalDataProtector(ring, TimeProvider.System, policy)), ring);
    }
}
