import Host

await BearmonMain.run()
