/** A plain application module that uses Mio as a user would: it requires io.mio.net and nothing internal. */
module io.mio.itest.jpms {
    requires io.mio.net;

    uses io.mio.PollProvider;
}
