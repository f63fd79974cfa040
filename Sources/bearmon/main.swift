
await BearmonMain.run()
